package org.tokenometry.udfs.metrics;

/** Gini coefficient of the languages' premiums: Σ_i Σ_j |p_i − p_j| / (2 n² mean(p)); 0 = all equal. */
public final class Gini {
  private Gini() {}

  public static Double of(double[] p) {
    int n = p.length;
    if (n == 0) {
      return null;
    }
    double sum = 0;
    for (double x : p) {
      sum += x;
    }
    double mean = sum / n;
    if (mean == 0) {
      return null;
    }
    double diffs = 0;
    for (double a : p) {
      for (double b : p) {
        diffs += Math.abs(a - b);
      }
    }
    return diffs / (2.0 * n * n * mean);
  }
}
