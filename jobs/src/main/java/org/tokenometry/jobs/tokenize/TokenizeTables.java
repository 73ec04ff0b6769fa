package org.tokenometry.jobs.tokenize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.udfs.metrics.BootstrapSums;
import org.tokenometry.udfs.metrics.BytesPerTokenInterval;
import org.tokenometry.udfs.metrics.CompressionStats;
import org.tokenometry.udfs.metrics.Gini;
import org.tokenometry.udfs.metrics.GroupKey;
import org.tokenometry.udfs.metrics.LanguageStats;
import org.tokenometry.udfs.metrics.ParallelIdSums;
import org.tokenometry.udfs.metrics.ParallelTotals;
import org.tokenometry.udfs.metrics.Premium;
import org.tokenometry.udfs.metrics.PremiumGinis;
import org.tokenometry.udfs.metrics.PremiumSplit;
import org.tokenometry.udfs.metrics.VocabProfile;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.FairnessRow;
import org.tokenometry.udfs.tables.VocabProfileRow;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * Turns the merged languages' summaries (already on the driver: a few numbers and the coverage row per tokenizer x
 * corpus x lang) into the rows of compression, coverage, fairness and vocab_profile. The metric definitions live
 * in udfs/metrics; this class only joins groups with each other (nsl, premium) and profiles vocabularies.
 */
final class TokenizeTables {
  private final Map<GroupKey, LanguageStats.DomainSummary> groups;
  private final List<CoverageRow> coverage;
  /** (tokenizer, corpus, domain, lang) -> premium sums over the parallel ids both have ({@link ParallelIdSums}). */
  private Map<GroupKey, long[]> premiumSums = Map.of();
  private final TokenizerSet tokenizers;
  private final TokenizeConfig config;
  private final String referenceTokenizer;

  TokenizeTables(List<LanguageStats.Summary> summaries, TokenizerSet tokenizers, TokenizeConfig config,
      String referenceTokenizer) {
    this.groups = new TreeMap<>(java.util.Comparator.comparing(GroupKey::tokenizer)
        .thenComparing(GroupKey::corpus).thenComparing(k -> String.valueOf(k.domain()))
        .thenComparing(GroupKey::lang));
    List<CoverageRow> cov = new ArrayList<>();
    for (LanguageStats.Summary s : summaries) {
      s.domains().forEach(d -> groups.put(d.key(), d));
      cov.add(s.coverage());
    }
    cov.sort(java.util.Comparator.comparing(CoverageRow::tokenizer).thenComparing(CoverageRow::corpus)
        .thenComparing(CoverageRow::lang));
    this.coverage = cov;
    this.tokenizers = tokenizers;
    this.config = config;
    this.referenceTokenizer = referenceTokenizer;
  }

  /** Each group's parallel documents, for the premiums. */
  Map<GroupKey, ParallelTotals> parallelTotals() {
    Map<GroupKey, ParallelTotals> out = new LinkedHashMap<>();
    groups.forEach((k, g) -> out.put(k, g.parallel()));
    return out;
  }

  void premiumSums(Map<GroupKey, long[]> sums) {
    premiumSums = sums;
  }

  int groups() {
    return groups.size();
  }

  /** One doc_tokens row per document and tokenizer: the documents of every group. */
  long docTokensRows() {
    return groups.values().stream().mapToLong(g -> g.compression().docs()).sum();
  }

  List<CompressionRow> compression() {
    Map<GroupKey, BootstrapSums> replicates = new HashMap<>();
    groups.forEach((k, g) -> {
      if (g.bootstrap() != null) {
        replicates.put(k, g.bootstrap());
      }
    });
    Map<GroupKey, PremiumSplit> premiums = PremiumSplit.byGroup(parallelTotals(), replicates, premiumSums,
        config.pivotLang());
    List<CompressionRow> rows = new ArrayList<>();
    for (Map.Entry<GroupKey, LanguageStats.DomainSummary> e : groups.entrySet()) {
      GroupKey k = e.getKey();
      CompressionStats c = e.getValue().compression();
      LanguageStats.DomainSummary ref = groups.get(new GroupKey(referenceTokenizer, k.corpus(), k.domain(), k.lang()));
      // nsl: the same documents under the reference tokenizer
      Double nsl = ref == null ? null : Premium.of(c.tokens(), ref.compression().tokens());
      rows.add(CompressionRow.of(k, c, BytesPerTokenInterval.of(e.getValue().bootstrap()), nsl, premiums.get(k),
          e.getValue().renyiEfficiency()));
    }
    return rows;
  }

  List<CoverageRow> coverage() {
    return coverage;
  }

  List<FairnessRow> fairness() {
    // (tokenizer, corpus) -> lang -> premium sums (ParallelIdSums' layout), summed over domains
    Map<List<String>, Map<String, long[]>> sums = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    premiumSums.forEach((k, v) -> {
      long[] s = sums.computeIfAbsent(List.of(k.tokenizer(), k.corpus()), x -> new TreeMap<>())
          .computeIfAbsent(k.lang(), x -> new long[v.length]);
      for (int i = 0; i < Math.min(s.length, v.length); i++) {
        s[i] += v[i];
      }
    });
    List<FairnessRow> rows = new ArrayList<>();
    for (Map.Entry<List<String>, Map<String, long[]>> e : sums.entrySet()) {
      List<Double> premiums = new ArrayList<>();
      String maxLang = null;
      double max = Double.NEGATIVE_INFINITY;
      for (Map.Entry<String, long[]> l : e.getValue().entrySet()) {
        Double p = Premium.of(l.getValue()[0], l.getValue()[1]);
        if (p == null) {
          continue;
        }
        premiums.add(p);
        if (p > max) {
          max = p;
          maxLang = l.getKey();
        }
      }
      if (premiums.isEmpty()) {
        continue;
      }
      double[] p = premiums.stream().mapToDouble(Double::doubleValue).toArray();
      double mean = java.util.Arrays.stream(p).average().orElseThrow();
      PremiumGinis g = PremiumGinis.of(e.getValue().values());
      rows.add(new FairnessRow(e.getKey().get(0), e.getKey().get(1), p.length, config.pivotLang(), mean, max,
          maxLang, Gini.of(p), g.bytePremiumGini(), g.tokenizerPremiumGini()));
    }
    return rows;
  }

  /** One vocabulary per core at a time: profiling a 250k-token vocabulary takes the driver a second or two. */
  List<VocabProfileRow> vocabProfile() {
    return tokenizers.names().parallelStream().flatMap(name -> {
      Tokenizer t = tokenizers.tokenizer(name);
      if (!"hf".equals(t.type()) || t.vocabulary() == null) {
        return java.util.stream.Stream.<VocabProfileRow>empty(); // baselines have no tokenizer file to profile
      }
      return VocabProfile.of(t.vocabulary()).stream()
          .map(r -> new VocabProfileRow(name, r.category(), r.script(), r.count(), r.share()));
    }).toList();
  }
}
