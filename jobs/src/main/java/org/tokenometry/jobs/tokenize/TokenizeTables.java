package org.tokenometry.jobs.tokenize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.udfs.metrics.BytesPerTokenInterval;
import org.tokenometry.udfs.metrics.CompressionStats;
import org.tokenometry.udfs.metrics.CoverageStats;
import org.tokenometry.udfs.metrics.Gini;
import org.tokenometry.udfs.metrics.GroupKey;
import org.tokenometry.udfs.metrics.GroupStats;
import org.tokenometry.udfs.metrics.LexiconRates;
import org.tokenometry.udfs.metrics.Premium;
import org.tokenometry.udfs.metrics.PremiumGinis;
import org.tokenometry.udfs.metrics.PremiumSplit;
import org.tokenometry.udfs.metrics.RenyiEfficiency;
import org.tokenometry.udfs.metrics.VocabProfile;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.FairnessRow;
import org.tokenometry.udfs.tables.VocabProfileRow;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.Vocabulary;

/**
 * Turns the merged per-group aggregates (a few rows per tokenizer x corpus x domain x lang, already on the
 * driver) into the rows of compression, coverage, fairness and vocab_profile. The metric definitions live in
 * udfs/metrics; this class only groups and joins.
 */
final class TokenizeTables {
  private final Map<GroupKey, GroupStats> groups;
  /** (tokenizer, corpus, domain, lang) -> {lang tokens, pivot tokens} over the parallel ids both have. */
  private final Map<GroupKey, long[]> premiumSums;
  private final TokenizerSet tokenizers;
  private final TokenizeConfig config;
  private final String referenceTokenizer;
  private final Map<String, Set<String>> lexicons;

  TokenizeTables(Map<GroupKey, GroupStats> groups, Map<GroupKey, long[]> premiumSums, TokenizerSet tokenizers,
      TokenizeConfig config, String referenceTokenizer, Map<String, Set<String>> lexicons) {
    this.groups = new TreeMap<>(java.util.Comparator.comparing(GroupKey::tokenizer)
        .thenComparing(GroupKey::corpus).thenComparing(k -> String.valueOf(k.domain()))
        .thenComparing(GroupKey::lang));
    this.groups.putAll(groups);
    this.premiumSums = premiumSums;
    this.tokenizers = tokenizers;
    this.config = config;
    this.referenceTokenizer = referenceTokenizer;
    this.lexicons = lexicons;
  }

  List<CompressionRow> compression() {
    Map<GroupKey, PremiumSplit> premiums = PremiumSplit.byGroup(groups, premiumSums, config.pivotLang());
    List<CompressionRow> rows = new ArrayList<>();
    for (Map.Entry<GroupKey, GroupStats> e : groups.entrySet()) {
      GroupKey k = e.getKey();
      CompressionStats c = e.getValue().compression();
      GroupStats ref = groups.get(new GroupKey(referenceTokenizer, k.corpus(), k.domain(), k.lang()));
      // nsl: the same documents under the reference tokenizer
      Double nsl = ref == null ? null : Premium.of(c.tokens(), ref.compression().tokens());
      Tokenizer t = tokenizers.tokenizer(k.tokenizer());
      Double renyi = RenyiEfficiency.of(e.getValue().coverage().ids(), config.renyiAlpha(), t.vocabSize());
      rows.add(CompressionRow.of(k, c, BytesPerTokenInterval.of(e.getValue().bootstrap()), nsl, premiums.get(k),
          renyi));
    }
    return rows;
  }

  List<CoverageRow> coverage() {
    Map<List<String>, CoverageStats> byLang = new LinkedHashMap<>();
    groups.forEach((k, v) -> byLang.computeIfAbsent(List.of(k.tokenizer(), k.corpus(), k.lang()),
        x -> new CoverageStats()).merge(v.coverage()));
    List<CoverageRow> rows = new ArrayList<>();
    for (Map.Entry<List<String>, CoverageStats> e : byLang.entrySet()) {
      String name = e.getKey().get(0);
      String lang = e.getKey().get(2);
      CoverageStats c = e.getValue();
      Tokenizer t = tokenizers.tokenizer(name);
      Vocabulary v = t.vocabulary();
      Set<String> lexicon = lexicons.get(lang);
      Double[] lex = lexicon == null ? new Double[] {null, null} : LexiconRates.of(c.ids(), v, lexicon);
      List<CoverageRow.TopToken> top = new ArrayList<>();
      for (long[] idCount : c.topTokens(config.topTokens())) {
        top.add(new CoverageRow.TopToken(tokenText(t, (int) idCount[0]), idCount[1]));
      }
      Integer vocabSize = t.vocabSize() < 0 ? null : t.vocabSize();
      rows.add(new CoverageRow(name, e.getKey().get(1), lang, c.tokens(), c.unkRate(), c.byteFallbackRate(),
          c.splitCharRate(), vocabSize, c.distinctTokens(), c.vocabUtilization(t.vocabSize()), lex[0], lex[1],
          top));
    }
    return rows;
  }

  /** Readable token: decoded text, or the stored piece for a partial character, or "#id" when unknown. */
  private static String tokenText(Tokenizer t, int id) {
    if (t.vocabulary() != null) {
      String d = t.vocabulary().display(id);
      if (d != null) {
        return d;
      }
    }
    String s = t.tokenString(id);
    return s != null ? s : "#" + id;
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
