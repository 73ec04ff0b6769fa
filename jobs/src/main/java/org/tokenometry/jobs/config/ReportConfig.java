package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Report stage settings.
 *
 * @param title the page title of {@code <output>/report/index.html}
 * @param summaryRows how many rows each list in the closing console summary shows (worst premiums etc.)
 */
public record ReportConfig(
    @JsonProperty("title") String title,
    @JsonProperty("summary_rows") Integer summaryRows) {

  public ReportConfig {
    title = title == null || title.isBlank() ? "Tokenometry report" : title;
    summaryRows = summaryRows == null ? 5 : summaryRows;
    Checks.atLeast("summary_rows", "report.summary_rows", summaryRows, 0);
  }

  public static ReportConfig defaults() {
    return new ReportConfig(null, null);
  }
}
