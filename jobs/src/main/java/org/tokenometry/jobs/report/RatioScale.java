package org.tokenometry.jobs.report;

/**
 * Ratios such as token premiums on a log-2 scale ({@link Palette#ratio}, parity at 1): the key is a colour bar
 * over the whole octaves around the data, always including parity and 2, with a tick per doubling; an end the
 * data go beyond (clamped colours) is labelled ≤ or ≥.
 */
final class RatioScale implements ColourScale {
  private static final double OCTAVE_W = 56;
  private static final int SLICES = 8; // per octave: smooth enough, and few elements

  private final String label;
  private final double lo;
  private final double hi;
  private final boolean belowLo;
  private final boolean aboveHi;

  private RatioScale(String label, double lo, double hi, boolean belowLo, boolean aboveHi) {
    this.label = label;
    this.lo = lo;
    this.hi = hi;
    this.belowLo = belowLo;
    this.aboveHi = aboveHi;
  }

  /** The scale over the ratios of a chart; NaN (no data) and {@code excluded} cells (may be null) are ignored. */
  static RatioScale over(double[][] values, boolean[][] excluded, String label) {
    double[] e = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double v : ColourScale.usable(values, excluded)) {
      e[0] = Math.min(e[0], v);
      e[1] = Math.max(e[1], v);
    }
    double lo = Math.max(Palette.RATIO_MIN, octave(Math.min(1, e[0]), true));
    double hi = Math.min(Palette.RATIO_MAX, octave(Math.max(2, e[1]), false));
    return new RatioScale(label, lo, hi, e[0] < lo, e[1] > hi);
  }

  @Override
  public String fill(double v) {
    return Palette.ratio(v);
  }

  @Override
  public int clip(double v) {
    return v < Palette.RATIO_MIN ? -1 : v > Palette.RATIO_MAX ? 1 : 0;
  }

  /** The ratio colours are light in the middle and dark at both ends. */
  @Override
  public String textOn(double v) {
    double l = v > 0 ? Math.abs(Math.log(v) / Math.log(2)) : 3;
    return l >= 2.5 ? "#ffffff" : "#222222";
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public double width() {
    return Svg.textWidth(label + ":") + 12 + octaves() * OCTAVE_W;
  }

  @Override
  public double height() {
    return 42;
  }

  @Override
  public void draw(Svg svg, double x, double y) {
    svg.text(x, y + 11, label + ":", "start", "axis");
    double x0 = x + Svg.textWidth(label + ":") + 12;
    int n = octaves();
    double w = OCTAVE_W / SLICES;
    double l0 = Math.log(lo) / Math.log(2);
    for (int i = 0; i < n * SLICES; i++) {
      double v = Math.pow(2, l0 + (i + 0.5) / SLICES);
      svg.rect(x0 + i * w, y, w + 0.3, 14, Palette.ratio(v), "swatch", null);
    }
    for (int k = 0; k <= n; k++) {
      double v = Math.pow(2, l0 + k);
      double tx = x0 + k * OCTAVE_W;
      svg.line(tx, y + 14, tx, y + 18, "#555555", 1, null);
      String bound = k == 0 && belowLo ? "≤ " : k == n && aboveHi ? "≥ " : "";
      svg.text(tx, y + 28, bound + Svg.tick(v) + "×", "middle", "tick");
      if (v == 1) {
        svg.text(tx, y + 39, "parity", "middle", "tick");
      }
    }
  }

  private int octaves() {
    return (int) Math.round(Math.log(hi / lo) / Math.log(2));
  }

  /** The power of 2 at or below ({@code down}) or at or above {@code v}. */
  private static double octave(double v, boolean down) {
    double l = Math.log(v) / Math.log(2);
    return Math.pow(2, down ? Math.floor(l + 1e-9) : Math.ceil(l - 1e-9));
  }
}
