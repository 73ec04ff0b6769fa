package org.tokenometry.udfs.metrics;

import java.nio.charset.StandardCharsets;

/**
 * A document's weights in the Poisson bootstrap: in replicate r it counts w_r times, w_r a Poisson(1) draw
 * that depends only on (key, r, seed). The key is the parallel id (else the doc id), so one parallel id weighs
 * the same in every language and tokenizer and a premium's replicate is a ratio of weighted sums of one
 * resample of ids; and the weights need no second pass nor any shuffle. The draw: u_r = the r-th output of
 * SplitMix64 started at FNV-1a-64(UTF-8 of key) XOR mix64(seed), as a double in [0, 1) from its top 53 bits;
 * w_r = the smallest k with u_r &lt; F(k), F the Poisson(1) CDF.
 */
public final class BootstrapWeights {
  public static final int DEFAULT_REPLICATES = 200;
  public static final long DEFAULT_SEED = 42;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  /** F(k) = Σ_{i≤k} e^-1 / i!, summed in double up to the last k that still changes it. */
  private static final double[] POISSON1_CDF = poisson1Cdf();

  private BootstrapWeights() {}

  /** The weights of the document keyed {@code key} in replicates 0 .. replicates-1. */
  public static byte[] of(String key, int replicates, long seed) {
    long state = fnv1a64(key) ^ mix64(seed);
    byte[] w = new byte[replicates];
    for (int r = 0; r < replicates; r++) {
      state += GOLDEN;
      w[r] = (byte) poisson1(toUnit(mix64(state)));
    }
    return w;
  }

  /** Inverse CDF of Poisson(1) at u in [0, 1): at most the table's last k (F(k) within 1e-16 of 1). */
  static int poisson1(double u) {
    int k = 0;
    while (k < POISSON1_CDF.length - 1 && u >= POISSON1_CDF[k]) {
      k++;
    }
    return k;
  }

  static double toUnit(long z) {
    return (z >>> 11) * 0x1.0p-53;
  }

  static long fnv1a64(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64's output function. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double[] poisson1Cdf() {
    double[] f = new double[32];
    double term = Math.exp(-1);
    double sum = term;
    f[0] = sum;
    int k = 0;
    while (true) {
      term /= k + 1;
      if (sum + term == sum) {
        break;
      }
      sum += term;
      f[++k] = sum;
    }
    return java.util.Arrays.copyOf(f, k + 1);
  }
}
