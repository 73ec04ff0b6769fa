package org.tokenometry.udfs.metrics;

import java.io.Serializable;
import org.tokenometry.udfs.perturb.PerturbedText;
import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * Sums behind one {@code robustness} row: one tokenizer, one group of sampled documents, one perturbation.
 * Mergeable; ratios are null when their denominator is zero.
 */
public final class PerturbationStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private long docs;
  private long changedDocs;
  private long words;
  private long changedWords;
  private long tokens;
  private long unk;
  private long byteFallback;
  private long perturbedTokens;
  private long perturbedUnk;
  private long perturbedByteFallback;
  private long encodeNanos;

  /** One sampled document: its original encoding, its perturbed text and that text's encoding (taking nanos). */
  public PerturbationStats add(DocumentText doc, Encoding original, PerturbedText p, Encoding perturbed,
      long nanos) {
    docs++;
    changedDocs += p.changed() ? 1 : 0;
    words += doc.words();
    changedWords += p.changed() ? ChangedWords.count(doc.wordSpans(), original, perturbed, p) : 0;
    tokens += original.size();
    unk += flagged(original, Encoding.UNKNOWN);
    byteFallback += flagged(original, Encoding.BYTE_FALLBACK);
    perturbedTokens += perturbed.size();
    perturbedUnk += flagged(perturbed, Encoding.UNKNOWN);
    perturbedByteFallback += flagged(perturbed, Encoding.BYTE_FALLBACK);
    encodeNanos += nanos;
    return this;
  }

  public PerturbationStats merge(PerturbationStats o) {
    docs += o.docs;
    changedDocs += o.changedDocs;
    words += o.words;
    changedWords += o.changedWords;
    tokens += o.tokens;
    unk += o.unk;
    byteFallback += o.byteFallback;
    perturbedTokens += o.perturbedTokens;
    perturbedUnk += o.perturbedUnk;
    perturbedByteFallback += o.perturbedByteFallback;
    encodeNanos += o.encodeNanos;
    return this;
  }

  private static long flagged(Encoding enc, byte flag) {
    long n = 0;
    for (int t = 0; t < enc.size(); t++) {
      n += enc.is(t, flag) ? 1 : 0;
    }
    return n;
  }

  public long docs() {
    return docs;
  }

  /** Sampled documents the perturbation altered (a perturbation can leave a text as it is: no spaces, no Latin). */
  public long changedDocs() {
    return changedDocs;
  }

  public long words() {
    return words;
  }

  public long changedWords() {
    return changedWords;
  }

  public long tokens() {
    return tokens;
  }

  public long perturbedTokens() {
    return perturbedTokens;
  }

  /** Σ perturbed tokens / Σ original tokens. */
  public Double tokenInflation() {
    return CompressionStats.ratio(perturbedTokens, tokens);
  }

  /** unk_rate of the perturbed texts minus unk_rate of the originals. */
  public Double unkRateDelta() {
    return delta(perturbedUnk, perturbedTokens, unk, tokens);
  }

  /** byte_fallback_rate of the perturbed texts minus that of the originals. */
  public Double byteFallbackRateDelta() {
    return delta(perturbedByteFallback, perturbedTokens, byteFallback, tokens);
  }

  /** changed words / words ({@link ChangedWords}). */
  public Double wordChangeRate() {
    return CompressionStats.ratio(changedWords, words);
  }

  /** Time spent encoding the perturbed texts: the metric's cost. */
  public double encodeSeconds() {
    return encodeNanos / 1e9;
  }

  private static Double delta(long num, long den, long num0, long den0) {
    Double a = CompressionStats.ratio(num, den);
    Double b = CompressionStats.ratio(num0, den0);
    return a == null || b == null ? null : a - b;
  }
}
