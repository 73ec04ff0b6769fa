package org.tokenometry.udfs.tables;

/**
 * One row of {@code vocab_health}: a tokenizer x census class, and x corpus for the classes that depend on one
 * (definitions: {@code VocabCensus}). {@code corpus} is null for the classes read from the tokenizer file alone,
 * and for the corpus classes counted over every corpus of the run together; {@code share} = count / vocab size.
 */
public record VocabHealthRow(String tokenizer, String corpus, String flag, long count, double share) {
  public static final String TABLE = "vocab_health";
}
