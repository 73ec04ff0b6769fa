package org.tokenometry.udfs.metrics;

import java.io.Serializable;

/**
 * Sums behind the {@code compression} table for one group of documents (DESIGN §3), mergeable across
 * partitions. Ratios are null when their denominator is zero.
 */
public final class CompressionStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private long docs;
  private long bytes;
  private long chars;
  private long words;
  private long sentences;
  private long tokens;
  private long continuedWords;
  private long singleTokenWords;
  private long encodeNanos;

  /** Adds one document: its facts and its counts under the group's tokenizer. */
  public CompressionStats add(DocumentFacts doc, TokenizedDocument t) {
    docs++;
    bytes += doc.bytes();
    chars += doc.chars();
    words += doc.words();
    sentences += doc.sentences();
    tokens += t.tokens();
    continuedWords += t.continuedWords();
    singleTokenWords += t.singleTokenWords();
    encodeNanos += t.encodeNanos();
    return this;
  }

  public CompressionStats merge(CompressionStats o) {
    docs += o.docs;
    bytes += o.bytes;
    chars += o.chars;
    words += o.words;
    sentences += o.sentences;
    tokens += o.tokens;
    continuedWords += o.continuedWords;
    singleTokenWords += o.singleTokenWords;
    encodeNanos += o.encodeNanos;
    return this;
  }

  public long docs() {
    return docs;
  }

  public long bytes() {
    return bytes;
  }

  public long chars() {
    return chars;
  }

  public long words() {
    return words;
  }

  public long sentences() {
    return sentences;
  }

  public long tokens() {
    return tokens;
  }

  public long continuedWords() {
    return continuedWords;
  }

  public long singleTokenWords() {
    return singleTokenWords;
  }

  /** bytes / tokens. */
  public Double bytesPerToken() {
    return ratio(bytes, tokens);
  }

  /** chars (code points) / tokens. */
  public Double charsPerToken() {
    return ratio(chars, tokens);
  }

  /** tokens / words: fertility. */
  public Double tokensPerWord() {
    return ratio(tokens, words);
  }

  public Double tokensPerSentence() {
    return ratio(tokens, sentences);
  }

  /** words overlapped by two or more distinct tokens / words. */
  public Double continuedWordRate() {
    return ratio(continuedWords, words);
  }

  /** words overlapped by exactly one token / words. */
  public Double singleTokenWordRate() {
    return ratio(singleTokenWords, words);
  }

  /** tokens per second of encoding time spent in the engine (this run, this group). */
  public Double tokensPerSecond() {
    return encodeNanos == 0 ? null : tokens / (encodeNanos / 1e9);
  }

  static Double ratio(long num, long den) {
    return den == 0 ? null : (double) num / den;
  }
}
