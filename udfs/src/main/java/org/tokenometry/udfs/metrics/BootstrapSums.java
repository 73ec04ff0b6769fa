package org.tokenometry.udfs.metrics;

import java.io.Serializable;

/**
 * One group's bootstrap replicates, kept as weighted sums so they merge across partitions like every other
 * aggregate: per replicate r, Σ w_r · tokens and Σ w_r · bytes over the documents with a parallel id, and the
 * same over the documents without one ({@link BootstrapWeights} gives w_r). Premiums use the parallel sums;
 * bytes per token uses both. Memory: 16 bytes per replicate for each kind the group has (an array pair is
 * allocated at the first document of its kind): 3,200 bytes per group at 200 replicates, 6,400 in a group that
 * mixes documents with and without parallel ids.
 */
public final class BootstrapSums implements Serializable {
  private static final long serialVersionUID = 1L;

  private long[] parallelTokens;
  private long[] parallelBytes;
  private long[] otherTokens;
  private long[] otherBytes;

  /** Adds one document with its weights ({@link BootstrapWeights#of}), its tokens and UTF-8 bytes. */
  public BootstrapSums add(byte[] weights, boolean parallel, long tokens, long bytes) {
    if (parallel) {
      if (parallelTokens == null) {
        parallelTokens = new long[weights.length];
        parallelBytes = new long[weights.length];
      }
      addWeighted(weights, tokens, bytes, parallelTokens, parallelBytes);
    } else {
      if (otherTokens == null) {
        otherTokens = new long[weights.length];
        otherBytes = new long[weights.length];
      }
      addWeighted(weights, tokens, bytes, otherTokens, otherBytes);
    }
    return this;
  }

  private static void addWeighted(byte[] w, long tokens, long bytes, long[] t, long[] b) {
    if (w.length != t.length) {
      throw new IllegalArgumentException(w.length + " weights for " + t.length + " replicates");
    }
    for (int r = 0; r < w.length; r++) {
      t[r] += w[r] * tokens;
      b[r] += w[r] * bytes;
    }
  }

  /** Adds {@code o}'s sums (never sharing its arrays). */
  public BootstrapSums merge(BootstrapSums o) {
    if (o == null) {
      return this;
    }
    parallelTokens = plus(parallelTokens, o.parallelTokens);
    parallelBytes = plus(parallelBytes, o.parallelBytes);
    otherTokens = plus(otherTokens, o.otherTokens);
    otherBytes = plus(otherBytes, o.otherBytes);
    return this;
  }

  /** Only the parallel documents' sums of {@code o}: a pivot language merged over its domains. */
  BootstrapSums mergeParallel(BootstrapSums o) {
    if (o != null) {
      parallelTokens = plus(parallelTokens, o.parallelTokens);
      parallelBytes = plus(parallelBytes, o.parallelBytes);
    }
    return this;
  }

  private static long[] plus(long[] a, long[] b) {
    if (b == null) {
      return a;
    }
    if (a == null) {
      return b.clone();
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException("cannot merge bootstrap sums of " + a.length + " and " + b.length
          + " replicates");
    }
    for (int r = 0; r < a.length; r++) {
      a[r] += b[r];
    }
    return a;
  }

  /** Σ w_r · tokens over the parallel documents, per replicate; null without any. */
  long[] parallelTokens() {
    return parallelTokens;
  }

  long[] parallelBytes() {
    return parallelBytes;
  }

  /** bytes / tokens per replicate over all the group's documents (NaN where a replicate has no tokens). */
  double[] bytesPerToken() {
    long[] t = plus(plus(null, parallelTokens), otherTokens);
    long[] b = plus(plus(null, parallelBytes), otherBytes);
    return ratios(b, t);
  }

  /** num[r] / den[r], NaN where den[r] is 0; null when either is missing. */
  static double[] ratios(long[] num, long[] den) {
    if (num == null || den == null) {
      return null;
    }
    double[] out = new double[num.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = den[r] == 0 ? Double.NaN : (double) num[r] / den[r];
    }
    return out;
  }
}
