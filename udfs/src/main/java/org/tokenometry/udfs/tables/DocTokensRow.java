package org.tokenometry.udfs.tables;

/** {@code doc_tokens}: one row per document x tokenizer, the document's counts under that tokenizer. */
public record DocTokensRow(String docId, String tokenizer, String corpus, String domain, String lang,
    String parallelId, long tokens, long bytes, long chars, long words, long sentences, long unk,
    long byteFallback, long continuedWords, long splitChars) {
  public static final String TABLE = "doc_tokens";
}
