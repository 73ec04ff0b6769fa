package org.tokenometry.udfs.metrics;

/**
 * Rényi efficiency of a unigram token distribution (Zouhar et al. 2023): H_α / log2(vocab_size) with
 * H_α = 1/(1−α) · log2 Σ p_i^α, p = relative frequencies of the emitted non-special ids. α = 1 is Shannon
 * entropy (the limit), handled separately.
 */
public final class RenyiEfficiency {
  public static final double DEFAULT_ALPHA = 2.5;

  private RenyiEfficiency() {}

  /** Null when nothing was emitted or the vocabulary is unbounded or trivial. */
  public static Double of(IdCounts counts, double alpha, int vocabSize) {
    long total = counts.total();
    if (total == 0 || vocabSize <= 1) {
      return null;
    }
    double[] acc = new double[1];
    double h;
    if (Math.abs(alpha - 1.0) < 1e-12) {
      counts.forEach((id, c) -> {
        double p = (double) c / total;
        acc[0] -= p * log2(p);
      });
      h = acc[0];
    } else {
      counts.forEach((id, c) -> acc[0] += Math.pow((double) c / total, alpha));
      h = log2(acc[0]) / (1 - alpha);
    }
    return h / log2(vocabSize);
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
