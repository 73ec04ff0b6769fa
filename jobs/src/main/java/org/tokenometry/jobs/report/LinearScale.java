package org.tokenometry.jobs.report;

import java.util.Arrays;
import java.util.function.DoubleFunction;

/**
 * Values on the sequential ramp ({@link Palette#ramp}, darker = larger) from the {@value #LOW_PERCENTILE}th to
 * the {@value #HIGH_PERCENTILE}th percentile of the chart's values, so one outlier (a tokenizer turning a script
 * into unknown tokens reached 91.85 bytes per token) cannot wash every other cell out; cells beyond take the end
 * colours and are marked ▲ / ▼. The key is five swatches from the low to the high end, each with its value.
 * Percentiles by nearest rank: with fewer than 50 values nothing is clipped. The robust range is the habit of
 * xarray's {@code robust=True} plots.
 */
final class LinearScale implements ColourScale {
  static final int LOW_PERCENTILE = 2;
  static final int HIGH_PERCENTILE = 98;
  private static final double SWATCH_W = 52;
  private static final double SWATCH_H = 16;
  private static final int SWATCHES = 5;

  private final String label;
  private final DoubleFunction<String> fmt;
  private final double lo;
  private final double hi;
  private final boolean clippedLow;
  private final boolean clippedHigh;

  LinearScale(String label, DoubleFunction<String> fmt, double lo, double hi, boolean clippedLow,
      boolean clippedHigh) {
    this.label = label;
    this.fmt = fmt;
    this.lo = lo;
    this.hi = hi;
    this.clippedLow = clippedLow;
    this.clippedHigh = clippedHigh;
  }

  /** The scale over a chart's values; NaN (no data) and {@code excluded} cells (may be null) are ignored. */
  static LinearScale over(double[][] values, boolean[][] excluded, String label, DoubleFunction<String> fmt) {
    double[] v = ColourScale.usable(values, excluded);
    if (v.length == 0) {
      return new LinearScale(label, fmt, 0, 0, false, false);
    }
    Arrays.sort(v);
    double lo = percentile(v, LOW_PERCENTILE);
    double hi = percentile(v, HIGH_PERCENTILE);
    return new LinearScale(label, fmt, lo, hi, v[0] < lo, v[v.length - 1] > hi);
  }

  /** Nearest rank: the smallest value with at least p % of the values at or below it. */
  static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  double lo() {
    return lo;
  }

  double hi() {
    return hi;
  }

  /** Where {@code v} lies on the ramp, 0 (low end) to 1 (high end), clamped; 0.5 when the ends are equal. */
  double position(double v) {
    return hi > lo ? Math.max(0, Math.min(1, (v - lo) / (hi - lo))) : 0.5;
  }

  @Override
  public String fill(double v) {
    return Palette.ramp(position(v));
  }

  @Override
  public int clip(double v) {
    return v < lo ? -1 : v > hi ? 1 : 0;
  }

  @Override
  public String textOn(double v) {
    return Palette.textOn(position(v));
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public double width() {
    return Svg.textWidth(label) + 14 + SWATCHES * SWATCH_W + (clipped() ? 12 + Svg.textWidth(clipNote()) : 0);
  }

  @Override
  public double height() {
    return SWATCH_H + 6;
  }

  private boolean clipped() {
    return clippedLow || clippedHigh;
  }

  private String clipNote() {
    return (clippedHigh ? "▲" : "") + (clippedLow ? "▼" : "") + " beyond the " + LOW_PERCENTILE + "nd–"
        + HIGH_PERCENTILE + "th percentile";
  }

  @Override
  public void draw(Svg svg, double x, double y) {
    svg.text(x, y + 12, label + ":", "start", "axis");
    double x0 = x + Svg.textWidth(label) + 14;
    for (int i = 0; i < SWATCHES; i++) {
      double t = i / (SWATCHES - 1.0);
      String bound = i == 0 && clippedLow ? "≤" : i == SWATCHES - 1 && clippedHigh ? "≥" : "";
      svg.rect(x0 + i * SWATCH_W, y, SWATCH_W - 2, SWATCH_H, Palette.ramp(t), "swatch", null);
      svg.text(x0 + i * SWATCH_W + SWATCH_W / 2 - 1, y + 12, bound + fmt.apply(lo + (hi - lo) * t), "middle", "cell",
          Palette.textOn(t), 0);
    }
    if (clipped()) {
      svg.text(x0 + SWATCHES * SWATCH_W + 10, y + 12, clipNote(), "start", "legend");
    }
  }
}
