package org.tokenometry.udfs.tables;

import java.io.Serializable;
import java.util.List;

/** {@code coverage}: one row per tokenizer x corpus x lang (DESIGN.md §2, definitions §3). */
public record CoverageRow(String tokenizer, String corpus, String lang, long tokens, Double unkRate,
    Double byteFallbackRate, Double splitCharRate, Integer vocabSize, long distinctTokens, Double vocabUtilization,
    Double lexiconTypeRate, Double lexiconTokenRate, List<TopToken> topTokens) implements Serializable {
  public static final String TABLE = "coverage";

  /** One of the most frequent tokens: its readable text and count. */
  public record TopToken(String token, long count) implements Serializable {}
}
