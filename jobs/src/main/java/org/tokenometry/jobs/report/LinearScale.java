package org.tokenometry.jobs.report;

import java.util.function.DoubleFunction;

/**
 * Values on the sequential ramp ({@link Palette#ramp}, darker = larger) from the smallest value in the chart to
 * the largest; the key is five swatches from min to max, each with its value written in it.
 */
final class LinearScale implements ColourScale {
  private static final double SWATCH_W = 52;
  private static final double SWATCH_H = 16;
  private static final int SWATCHES = 5;

  private final String label;
  private final DoubleFunction<String> fmt;
  private final double lo;
  private final double hi;

  private LinearScale(String label, DoubleFunction<String> fmt, double lo, double hi) {
    this.label = label;
    this.fmt = fmt;
    this.lo = lo;
    this.hi = hi;
  }

  /** The scale over the values of a chart (NaN = no data, ignored). */
  static LinearScale over(double[][] values, String label, DoubleFunction<String> fmt) {
    double[] e = ColourScale.extent(values);
    return new LinearScale(label, fmt, e[0], e[1]);
  }

  /** Where {@code v} lies on the ramp, 0 (smallest) to 1 (largest); 0.5 when all values are equal. */
  double position(double v) {
    return hi > lo ? (v - lo) / (hi - lo) : 0.5;
  }

  @Override
  public String fill(double v) {
    return Palette.ramp(position(v));
  }

  /** The colour of text written on a cell holding {@code v}. */
  String textOn(double v) {
    return Palette.textOn(position(v));
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public double width() {
    return Legend.textWidth(label) + 14 + (SWATCHES - 1) * SWATCH_W + SWATCH_W - 2;
  }

  @Override
  public double height() {
    return SWATCH_H + 6;
  }

  @Override
  public void draw(Svg svg, double x, double y) {
    svg.text(x, y + 12, label + ":", "start", "axis");
    double x0 = x + Legend.textWidth(label) + 14;
    for (int i = 0; i < SWATCHES; i++) {
      double t = i / (SWATCHES - 1.0);
      double v = Double.isInfinite(lo) ? 0 : lo + (hi - lo) * t;
      svg.rect(x0 + i * SWATCH_W, y, SWATCH_W - 2, SWATCH_H, Palette.ramp(t), "swatch", null);
      svg.text(x0 + i * SWATCH_W + SWATCH_W / 2 - 1, y + 12, fmt.apply(v), "middle", "cell", Palette.textOn(t), 0);
    }
  }
}
