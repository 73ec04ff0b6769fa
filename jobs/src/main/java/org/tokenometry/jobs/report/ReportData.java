package org.tokenometry.jobs.report;

import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.FairnessRow;
import org.tokenometry.udfs.tables.NumbersRow;
import org.tokenometry.udfs.tables.RetrievalRow;
import org.tokenometry.udfs.tables.RobustnessRow;
import org.tokenometry.udfs.tables.RoundTripRow;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabProfileRow;
import org.tokenometry.udfs.tables.VocabTokensRow;

/**
 * The small aggregate tables a report is drawn from, collected to the driver as their row records (never
 * {@code documents}). A table that does not exist is an empty list and is named in {@link #missing()}.
 * {@code vocabExamples} is not a table but the few {@code vocab_tokens} rows the census shows
 * ({@link VocabExamples}): that table holds a row per vocabulary id and is never collected whole.
 */
public record ReportData(
    List<CompressionRow> compression,
    List<CoverageRow> coverage,
    List<FairnessRow> fairness,
    List<VocabProfileRow> vocabProfile,
    List<RetrievalRow> retrieval,
    List<RoundTripRow> roundtrip,
    List<RobustnessRow> robustness,
    List<NumbersRow> numbers,
    List<VocabHealthRow> vocabHealth,
    List<VocabTokensRow> vocabExamples,
    Map<String, Long> rejectsByReason,
    List<String> missing) {

  public ReportData {
    compression = List.copyOf(compression);
    coverage = List.copyOf(coverage);
    fairness = List.copyOf(fairness);
    vocabProfile = List.copyOf(vocabProfile);
    retrieval = List.copyOf(retrieval);
    roundtrip = List.copyOf(roundtrip);
    robustness = List.copyOf(robustness);
    numbers = List.copyOf(numbers);
    vocabHealth = List.copyOf(vocabHealth);
    vocabExamples = List.copyOf(vocabExamples);
    rejectsByReason = Map.copyOf(rejectsByReason);
    missing = List.copyOf(missing);
  }

  /** Data without the tokenizer-health tables (roundtrip, robustness, numbers, vocab_health: empty lists). */
  public ReportData(List<CompressionRow> compression, List<CoverageRow> coverage, List<FairnessRow> fairness,
      List<VocabProfileRow> vocabProfile, List<RetrievalRow> retrieval, Map<String, Long> rejectsByReason,
      List<String> missing) {
    this(compression, coverage, fairness, vocabProfile, retrieval, List.of(), List.of(), List.of(), List.of(),
        List.of(), rejectsByReason, missing);
  }

  public long rejects() {
    return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
