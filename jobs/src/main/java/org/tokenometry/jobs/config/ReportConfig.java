package org.tokenometry.jobs.config;

/** Report stage settings (filled in by the stage that owns them). */
public record ReportConfig() {
  public static ReportConfig defaults() {
    return new ReportConfig();
  }
}
