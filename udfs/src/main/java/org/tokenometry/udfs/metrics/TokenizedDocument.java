package org.tokenometry.udfs.metrics;

import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * One document's counts under one tokenizer (its {@code doc_tokens} row): tokens, unknown and byte-fallback
 * tokens, continued and single-token words, split characters, and the engine's time. This is the one place
 * where per-document, per-tokenizer work is done: {@link #add} takes each encoding once (the whole document,
 * or each piece of a long one in text order), so a new per-document metric is a new field here, counted in
 * {@link #add}, and picked up by the group aggregates in {@link GroupStats#add}.
 *
 * <p>Every count is a sum over pieces: pieces are cut where no token and no word crosses, so summing them is
 * exactly the whole document's count.
 */
public final class TokenizedDocument {
  private long tokens;
  private long unk;
  private long byteFallback;
  private long continuedWords;
  private long singleTokenWords;
  private long splitChars;
  private long encodeNanos;

  /** The counts of one encoding of a whole document (tests and one-off uses). */
  public static TokenizedDocument of(DocumentText doc, Encoding enc) {
    TokenizedDocument t = new TokenizedDocument();
    t.add(doc, enc, 0, null);
    return t;
  }

  /**
   * Adds the encoding of {@code piece} (a whole document or a piece of one), which took {@code nanos} in the
   * engine; counts its non-special ids into {@code ids} when given.
   */
  public void add(DocumentText piece, Encoding enc, long nanos, IdTally ids) {
    int n = enc.size();
    byte[] flags = enc.flags();
    int[] starts = enc.starts();
    int[] ends = enc.ends();
    long u = 0;
    long b = 0;
    int reach = Integer.MIN_VALUE; // the furthest end so far: a token starting before it shares a character
    boolean shared = false;
    boolean nested = false; // an empty token, or one ending before the one before it
    int lastEnd = Integer.MIN_VALUE;
    for (int t = 0; t < n; t++) {
      int f = flags[t];
      u += (f & Encoding.UNKNOWN) >>> 1;
      b += (f & Encoding.BYTE_FALLBACK) >>> 2;
      if (ends[t] > starts[t]) {
        shared |= starts[t] < reach;
        reach = Math.max(reach, ends[t]);
      }
      nested |= ends[t] <= starts[t] || ends[t] < lastEnd;
      lastEnd = ends[t];
    }
    if (ids != null) {
      ids.addAll(enc);
    }
    tokens += n;
    unk += u;
    byteFallback += b;
    long[] words = WordTokenOverlap.count(piece.wordSpans(), enc, !nested);
    continuedWords += words[0];
    singleTokenWords += words[1];
    if (shared) { // no two tokens share a character in most documents of most tokenizers
      splitChars += SplitCharacters.countShared(piece.text(), piece.from(), piece.to(), enc);
    }
    encodeNanos += nanos;
  }

  public long tokens() {
    return tokens;
  }

  public long unk() {
    return unk;
  }

  public long byteFallback() {
    return byteFallback;
  }

  public long continuedWords() {
    return continuedWords;
  }

  public long singleTokenWords() {
    return singleTokenWords;
  }

  public long splitChars() {
    return splitChars;
  }

  public long encodeNanos() {
    return encodeNanos;
  }
}
