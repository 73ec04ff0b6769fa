package org.tokenometry.jobs.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tables.RetrievalRow;

/**
 * The best chunk setting (chunker, size, overlap, retriever, k) per corpus and tokenizer, for the report and the
 * console summary: the highest mean IoU. IoU charges a setting both for retrieved text outside the references and
 * for reference text it missed, with the retriever actually used; Precision-Ω leaves the retriever out and always
 * favours the smallest chunks, recall always the largest.
 */
public final class BestChunkSettings {
  /** Why IoU decides, in one line a reader sees beside the result. */
  public static final String WHY = "highest IoU: it counts retrieved text outside the references and reference "
      + "text missed alike (Precision-Ω always favours the smallest chunks, recall the largest)";

  private BestChunkSettings() {}

  /**
   * The scoring unit compared: {@code char} when the table has it (the same characters whatever the tokenizer,
   * so settings compare across tokenizers), else the first unit present; null for no rows.
   */
  public static String unit(List<RetrievalRow> rows) {
    if (rows.stream().anyMatch(r -> "char".equals(r.unit()))) {
      return "char";
    }
    return rows.stream().map(RetrievalRow::unit).filter(u -> u != null).sorted().findFirst().orElse(null);
  }

  /**
   * One row per corpus and tokenizer, in the {@link #unit} compared: the one with the highest IoU; ties go to the
   * smaller chunk, then the smaller overlap, then the retriever's name and the smaller k. Sorted by corpus, then
   * tokenizer.
   */
  public static List<RetrievalRow> pick(List<RetrievalRow> rows) {
    String unit = unit(rows);
    Comparator<RetrievalRow> better = Comparator.comparingDouble(RetrievalRow::iouMean).reversed()
        .thenComparingInt(RetrievalRow::size).thenComparingInt(RetrievalRow::overlap)
        .thenComparing(RetrievalRow::chunker, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(RetrievalRow::retriever, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparingInt(RetrievalRow::k);
    Map<String, RetrievalRow> best = new LinkedHashMap<>();
    rows.stream().filter(r -> unit != null && unit.equals(r.unit())).sorted(better)
        .forEach(r -> best.putIfAbsent(r.corpus() + "\u0000" + r.tokenizer(), r));
    return best.values().stream().sorted(Comparator.comparing(RetrievalRow::corpus, Comparator.nullsFirst(
        Comparator.naturalOrder())).thenComparing(RetrievalRow::tokenizer, Comparator.nullsFirst(
        Comparator.naturalOrder()))).toList();
  }
}
