package org.tokenometry.jobs.report;

import java.util.List;

/**
 * One section of the report, rendered on its own from the report's data. The page asks each section first
 * whether it has anything to show; sections that do not are listed on one line at the top, not drawn.
 */
interface Section {
  /** Why the sections of the tokenize stage's tables are empty when it wrote none of them: one phrase for all. */
  String NO_TOKENIZE = "the tokenize stage did not run into this output (no compression, coverage, fairness or "
      + "vocab_profile table)";
  String NO_PARALLEL = "no parallel corpus (premiums need languages aligned by parallel_id)";
  /** The tables the tokenize stage writes. */
  List<String> TOKENIZE_TABLES = List.of("compression", "coverage", "fairness", "vocab_profile");

  /**
   * Why a section drawn from one of the tokenize stage's tables is empty because the table does not exist, or
   * null when it does: {@link #NO_TOKENIZE} when none of them exists, else the one table.
   */
  static String missingTokenizeTable(ReportData data, String table) {
    if (data.missing().containsAll(TOKENIZE_TABLES)) {
      return NO_TOKENIZE;
    }
    return data.missing().contains(table) ? "no " + table + " table (the tokenize stage writes it)" : null;
  }

  /** The anchor, e.g. {@code premium}. */
  String id();

  /** The heading, e.g. "Token premium". */
  String title();

  /** Why there is nothing to show (a short phrase), or null when the section has content. */
  String skipReason(ReportData data);

  /** The section's content under its heading; only called when {@link #skipReason} is null. */
  String render(ReportData data, ReportContext ctx);
}
