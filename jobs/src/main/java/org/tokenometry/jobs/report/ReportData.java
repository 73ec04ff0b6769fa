package org.tokenometry.jobs.report;

import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.FairnessRow;
import org.tokenometry.udfs.tables.RetrievalRow;
import org.tokenometry.udfs.tables.VocabProfileRow;

/**
 * The small aggregate tables a report is drawn from, collected to the driver as their row records (never
 * {@code documents}). A table that does not exist is an empty list and is named in {@link #missing()}.
 */
public record ReportData(
    List<CompressionRow> compression,
    List<CoverageRow> coverage,
    List<FairnessRow> fairness,
    List<VocabProfileRow> vocabProfile,
    List<RetrievalRow> retrieval,
    Map<String, Long> rejectsByReason,
    List<String> missing) {

  public ReportData {
    compression = List.copyOf(compression);
    coverage = List.copyOf(coverage);
    fairness = List.copyOf(fairness);
    vocabProfile = List.copyOf(vocabProfile);
    retrieval = List.copyOf(retrieval);
    rejectsByReason = Map.copyOf(rejectsByReason);
    missing = List.copyOf(missing);
  }

  public long rejects() {
    return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
