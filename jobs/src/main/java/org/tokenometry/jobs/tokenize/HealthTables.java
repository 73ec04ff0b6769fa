package org.tokenometry.jobs.tokenize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.udfs.metrics.GeneratedNumbers;
import org.tokenometry.udfs.metrics.IdCounts;
import org.tokenometry.udfs.metrics.LanguageStats;
import org.tokenometry.udfs.metrics.NumberStats;
import org.tokenometry.udfs.metrics.VocabCensus;
import org.tokenometry.udfs.tables.NumbersRow;
import org.tokenometry.udfs.tables.RobustnessRow;
import org.tokenometry.udfs.tables.RoundTripRow;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabTokensRow;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * The tokenizer-health tables from the merged summaries: {@code roundtrip} and {@code robustness} (sums merged
 * per language on the executors), {@code numbers} (the languages' digit runs summed per tokenizer, and the generated
 * sets encoded on the driver) and the vocabulary census ({@code vocab_tokens}, {@code vocab_health}) from the id
 * counts per tokenizer x corpus. Definitions live in udfs/metrics.
 */
final class HealthTables {
  private final List<LanguageStats.Summary> summaries;
  private final Map<String, Map<String, IdCounts>> idsByTokenizerCorpus;
  private final TokenizerSet tokenizers;
  private final TokenizeConfig config;

  HealthTables(GroupMerge.Merged merged, TokenizerSet tokenizers, TokenizeConfig config) {
    this.summaries = merged.summaries();
    this.idsByTokenizerCorpus = merged.idsByTokenizerCorpus();
    this.tokenizers = tokenizers;
    this.config = config;
  }

  List<RoundTripRow> roundTrip() {
    return summaries.stream()
        .map(s -> RoundTripRow.of(s.coverage().tokenizer(), s.coverage().corpus(), s.coverage().lang(), s.roundTrip()))
        .sorted(Comparator.comparing(RoundTripRow::tokenizer).thenComparing(RoundTripRow::corpus)
            .thenComparing(RoundTripRow::lang))
        .toList();
  }

  List<RobustnessRow> robustness() {
    return summaries.stream()
        .flatMap(s -> s.robustness().byPerturbation().entrySet().stream().map(e -> RobustnessRow.of(
            s.coverage().tokenizer(), s.coverage().corpus(), s.coverage().lang(), e.getKey(), e.getValue())))
        .sorted(Comparator.comparing(RobustnessRow::tokenizer).thenComparing(RobustnessRow::corpus)
            .thenComparing(RobustnessRow::lang).thenComparing(RobustnessRow::perturbation))
        .toList();
  }

  /** Per tokenizer: the corpora's digit runs (when it tokenized any document), then each generated set. */
  List<NumbersRow> numbers() {
    TokenizeConfig.Numbers cfg = config.numbers();
    if (!cfg.enabled()) {
      return List.of();
    }
    Map<String, NumberStats> corpus = new TreeMap<>();
    summaries.forEach(s -> corpus.merge(s.coverage().tokenizer(), new NumberStats().merge(s.numbers()),
        NumberStats::merge));
    GeneratedNumbers generated = cfg.generatedPerLength() == 0 ? null
        : GeneratedNumbers.of(cfg.seed(), cfg.generatedPerLength());
    List<NumbersRow> rows = new ArrayList<>();
    for (String name : tokenizers.names()) {
      if (corpus.containsKey(name)) {
        rows.add(NumbersRow.of(name, NumberStats.CORPUS, corpus.get(name)));
      }
      if (generated != null) {
        generated.measure(tokenizers.tokenizer(name)).forEach((set, s) -> rows.add(NumbersRow.of(name, set, s)));
      }
    }
    return rows;
  }

  /** Both census tables of every tokenizer with a vocabulary; one census per tokenizer (it encodes every piece). */
  record Census(List<VocabTokensRow> tokens, List<VocabHealthRow> health) {}

  /** The tokenizers side by side, one core each (a census encodes every piece of its vocabulary). */
  Census census() {
    List<Census> each = tokenizers.names().parallelStream().map(name -> {
      Tokenizer t = tokenizers.tokenizer(name);
      if (!VocabCensus.applies(t)) {
        return new Census(List.of(), List.of()); // the chars and words baselines have no vocabulary
      }
      VocabCensus census = VocabCensus.of(t);
      Map<String, IdCounts> byCorpus = new LinkedHashMap<>(idsByTokenizerCorpus.getOrDefault(name, Map.of()));
      return new Census(census.tokenRows(byCorpus, config.rareTokenCount()),
          census.healthRows(byCorpus, config.rareTokenCount()));
    }).toList();
    List<VocabTokensRow> tokenRows = new ArrayList<>();
    List<VocabHealthRow> healthRows = new ArrayList<>();
    for (Census c : each) {
      tokenRows.addAll(c.tokens());
      healthRows.addAll(c.health());
    }
    return new Census(tokenRows, healthRows);
  }

  /** The robustness metric's cost, for the manifest: sampled documents, perturbed texts encoded, seconds. */
  static Map<String, Object> robustnessCost(List<RobustnessRow> rows, int tokenizerCount) {
    Map<String, Object> m = new LinkedHashMap<>();
    // every tokenizer sees the same sample, and every perturbation of a sampled document has a row's docs
    Map<List<String>, Long> sampled = new TreeMap<>(Comparator.comparing(Object::toString));
    long encodes = 0;
    double seconds = 0;
    for (RobustnessRow r : rows) {
      sampled.merge(List.of(r.tokenizer(), r.corpus(), r.lang()), r.docs(), Math::max);
      encodes += r.changedDocs();
      seconds += r.encodeSeconds();
    }
    long docs = sampled.values().stream().mapToLong(Long::longValue).sum();
    m.put("sampled_docs", tokenizerCount == 0 ? 0 : docs / tokenizerCount);
    m.put("perturbed_encodes", encodes);
    m.put("encode_seconds", seconds);
    return m;
  }
}
