package org.tokenometry.udfs.metrics;

import java.util.Arrays;

/**
 * A 95 % percentile bootstrap interval: the 2.5 % and 97.5 % quantiles of a statistic's replicates, each by
 * linear interpolation between order statistics (type 7 of Hyndman and Fan, numpy's and R's default: with the
 * m defined replicates sorted as v_0 ≤ … ≤ v_{m−1}, quantile q is v_i + f · (v_{i+1} − v_i) where
 * h = (m − 1) · q, i = ⌊h⌋, f = h − i). Undefined replicates (NaN: a zero denominator, as when every weight of a
 * tiny group is 0) are left out.
 */
public record ConfidenceInterval(double low, double high) {
  public static final double LOW_QUANTILE = 0.025;
  public static final double HIGH_QUANTILE = 0.975;

  /** Null when {@code replicates} is null or has fewer than two defined values. */
  public static ConfidenceInterval percentile95(double[] replicates) {
    if (replicates == null) {
      return null;
    }
    double[] v = Arrays.stream(replicates).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length < 2) {
      return null;
    }
    return new ConfidenceInterval(quantile(v, LOW_QUANTILE), quantile(v, HIGH_QUANTILE));
  }

  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int i = (int) Math.floor(h);
    double f = h - i;
    return i + 1 < sorted.length ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[i];
  }

  /** The low end, or null without an interval: for nullable columns. */
  public static Double low(ConfidenceInterval ci) {
    return ci == null ? null : ci.low;
  }

  public static Double high(ConfidenceInterval ci) {
    return ci == null ? null : ci.high;
  }
}
