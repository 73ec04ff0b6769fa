package org.tokenometry.udfs.tables;

import java.util.List;

/**
 * One row of {@code vocab_tokens}: a tokenizer x id (definitions: {@code VocabCensus}). {@code text} is the piece's
 * bytes made readable ({@code VisibleText}), {@code flags} its census classes, {@code count} its occurrences over
 * every corpus of the run.
 */
public record VocabTokensRow(String tokenizer, int id, String piece, String text, int nBytes, String script,
    List<String> flags, long count) {
  public static final String TABLE = "vocab_tokens";
}
