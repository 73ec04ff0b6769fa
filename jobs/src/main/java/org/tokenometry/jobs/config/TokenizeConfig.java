package org.tokenometry.jobs.config;

/** Tokenize stage settings (filled in by the stage that owns them). */
public record TokenizeConfig() {
  public static TokenizeConfig defaults() {
    return new TokenizeConfig();
  }
}
