package org.tokenometry.udfs.perturb;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014): a seeded generator small enough to specify completely, so another
 * implementation reproduces every perturbation and sample exactly (java.util's generators are not specified
 * across versions). A document's generator depends only on the run's seed, a purpose (a perturbation's name,
 * or {@code sample}) and the doc_id, never on partitioning or order.
 */
public final class SplitMix64 {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private long state;

  public SplitMix64(long state) {
    this.state = state;
  }

  /** The generator for one document and purpose: state = FNV-1a 64 of the UTF-8 of {@code seed:purpose:docId}. */
  public static SplitMix64 of(long seed, String purpose, String docId) {
    return new SplitMix64(fnv1a64(seed + ":" + purpose + ":" + docId));
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1): the top 53 bits of {@link #nextLong} times 2^-53. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, n): floor({@link #nextDouble} * n). */
  public int nextInt(int n) {
    return (int) (nextDouble() * n);
  }

  /** FNV-1a, 64 bits, over the UTF-8 bytes of {@code s}. */
  public static long fnv1a64(String s) {
    long h = 0xCBF29CE484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001B3L;
    }
    return h;
  }
}
