package org.tokenometry.jobs.report;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.FairnessRow;
import org.tokenometry.udfs.tables.NumbersRow;
import org.tokenometry.udfs.tables.RetrievalRow;
import org.tokenometry.udfs.tables.RobustnessRow;
import org.tokenometry.udfs.tables.RoundTripRow;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabProfileRow;

/**
 * What every section shares: the tokenizers in the run's order, each with its one colour for every chart, and
 * where their numbers are flagged for unknown tokens.
 */
public final class ReportContext {
  private final List<String> tokenizers;
  private final Map<String, String> colours = new LinkedHashMap<>();
  private final UnknownTokens unknown;

  /**
   * @param tokenizerOrder tokenizers in the config's order (others found in the tables follow, sorted)
   */
  public ReportContext(ReportData data, List<String> tokenizerOrder) {
    Set<String> order = new LinkedHashSet<>(tokenizerOrder);
    Set<String> seen = new TreeSet<>();
    Stream.of(data.compression().stream().map(CompressionRow::tokenizer),
            data.coverage().stream().map(CoverageRow::tokenizer),
            data.fairness().stream().map(FairnessRow::tokenizer),
            data.vocabProfile().stream().map(VocabProfileRow::tokenizer),
            data.retrieval().stream().map(RetrievalRow::tokenizer),
            data.roundtrip().stream().map(RoundTripRow::tokenizer),
            data.robustness().stream().map(RobustnessRow::tokenizer),
            data.numbers().stream().map(NumbersRow::tokenizer),
            data.vocabHealth().stream().map(VocabHealthRow::tokenizer))
        .flatMap(s -> s).filter(Objects::nonNull).forEach(seen::add);
    order.retainAll(seen);
    order.addAll(seen);
    this.tokenizers = List.copyOf(order);
    List<String> palette = Palette.series(tokenizers.size());
    for (int i = 0; i < tokenizers.size(); i++) {
      colours.put(tokenizers.get(i), palette.get(i));
    }
    this.unknown = new UnknownTokens(data.coverage());
  }

  /** Every tokenizer in the report, in the run's order. */
  public List<String> tokenizers() {
    return tokenizers;
  }

  /** The tokenizer's colour, the same in every chart; grey for a name the report does not know. */
  public String colour(String tokenizer) {
    return colours.getOrDefault(tokenizer, "#888888");
  }

  /** Those of {@code names} that are tokenizers of the report, in the run's order. */
  public List<String> present(Collection<String> names) {
    Set<String> s = new LinkedHashSet<>(names);
    return tokenizers.stream().filter(s::contains).toList();
  }

  /** Position in the run's order (for sorting rows); unknown names last. */
  public int rank(String tokenizer) {
    int i = tokenizers.indexOf(tokenizer);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  public UnknownTokens unknown() {
    return unknown;
  }
}
