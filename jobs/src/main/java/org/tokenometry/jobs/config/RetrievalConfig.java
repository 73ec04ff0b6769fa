package org.tokenometry.jobs.config;

/** Retrieval stage settings (filled in by the stage that owns them). */
public record RetrievalConfig() {
  public static RetrievalConfig defaults() {
    return new RetrievalConfig();
  }
}
