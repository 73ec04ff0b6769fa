package org.tokenometry.jobs.config;

/** Qa stage settings (filled in by the stage that owns them). */
public record QaConfig() {
  public static QaConfig defaults() {
    return new QaConfig();
  }
}
