package org.tokenometry.udfs.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums behind the {@code coverage} table for one group (DESIGN §3), mergeable: unknown and byte-fallback
 * tokens, split and non-whitespace characters, and the occurrences of every non-special id (from which come
 * distinct ids, top tokens, Rényi efficiency and lexicon rates).
 */
public final class CoverageStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private long tokens;
  private long unk;
  private long byteFallback;
  private long splitChars;
  private long nonWhitespaceChars;
  private final IdCounts ids = new IdCounts();

  /**
   * Adds one document's counts. Its ids arrive separately: the pass tallies them per tokenizer ({@link IdTally})
   * and drains the tally into {@link #ids()} when the group changes.
   */
  public CoverageStats add(DocumentFacts doc, TokenizedDocument t) {
    tokens += t.tokens();
    unk += t.unk();
    byteFallback += t.byteFallback();
    splitChars += t.splitChars();
    nonWhitespaceChars += doc.nonWhitespaceChars();
    return this;
  }

  public CoverageStats merge(CoverageStats o) {
    tokens += o.tokens;
    unk += o.unk;
    byteFallback += o.byteFallback;
    splitChars += o.splitChars;
    nonWhitespaceChars += o.nonWhitespaceChars;
    ids.merge(o.ids);
    return this;
  }

  public long tokens() {
    return tokens;
  }

  public IdCounts ids() {
    return ids;
  }

  /** tokens equal to the model's unknown id / tokens. */
  public Double unkRate() {
    return CompressionStats.ratio(unk, tokens);
  }

  /** {@code <0xNN>} byte tokens / tokens. */
  public Double byteFallbackRate() {
    return CompressionStats.ratio(byteFallback, tokens);
  }

  /** non-whitespace characters overlapped by two or more tokens / non-whitespace characters. */
  public Double splitCharRate() {
    return CompressionStats.ratio(splitChars, nonWhitespaceChars);
  }

  /** distinct non-special ids emitted. */
  public long distinctTokens() {
    return ids.distinct();
  }

  /** distinct non-special ids emitted / vocab_size; null for an unbounded vocabulary. */
  public Double vocabUtilization(int vocabSize) {
    return vocabSize <= 0 ? null : (double) ids.distinct() / vocabSize;
  }

  /** The {@code n} most frequent non-special ids as {id, count}, most frequent first. */
  public List<long[]> topTokens(int n) {
    return new ArrayList<>(ids.top(n));
  }
}
