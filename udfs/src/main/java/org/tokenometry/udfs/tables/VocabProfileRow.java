package org.tokenometry.udfs.tables;

/** {@code vocab_profile}: one row per tokenizer x category x script, from the tokenizer file alone. */
public record VocabProfileRow(String tokenizer, String category, String script, long count, double share) {
  public static final String TABLE = "vocab_profile";
}
