package org.tokenometry.udfs.retrieval;

/** Mean and population standard deviation (numpy's default, as Chroma reports), accumulated with Welford. */
public final class MeanStd {
  private long n;
  private double mean;
  private double m2;

  public void add(double x) {
    n++;
    double d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }

  public long count() {
    return n;
  }

  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  public double std() {
    return n == 0 ? Double.NaN : Math.sqrt(m2 / n);
  }
}
