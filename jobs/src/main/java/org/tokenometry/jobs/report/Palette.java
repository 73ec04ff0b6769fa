package org.tokenometry.jobs.report;

import java.util.Locale;

/**
 * Colours: a categorical set for tokenizers/series, a sequential ramp for heat maps and a diverging scale for
 * ratios such as token premiums.
 */
public final class Palette {
  // Tableau 10: distinguishable, and readable as bars on white
  private static final String[] CATEGORICAL = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
      "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  // light yellow -> green -> dark blue (viridis-like stops, reversed so "more" is darker)
  private static final int[][] RAMP = {{255, 255, 204}, {161, 218, 180}, {65, 182, 196}, {44, 127, 184},
      {37, 52, 148}};
  // ColorBrewer RdYlBu (colour-blind safe), one stop per doubling from 1/8 to 32: blue below 1, pale yellow
  // at 1, orange to dark red above
  private static final int[][] RATIO = {{69, 117, 180}, {116, 173, 209}, {171, 217, 233}, {255, 255, 191},
      {254, 224, 144}, {253, 174, 97}, {244, 109, 67}, {215, 48, 39}, {165, 0, 38}};
  /** Smallest and largest ratio {@link #ratio} tells apart; values beyond take the end colours. */
  public static final double RATIO_MIN = 0.125;
  public static final double RATIO_MAX = 32;

  private Palette() {}

  public static String color(int i) {
    return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
  }

  /** The ramp colour at {@code t} in [0, 1]. */
  public static String ramp(double t) {
    return at(RAMP, Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (RAMP.length - 1));
  }

  /**
   * The colour of a ratio on a log-2 scale that diverges at 1 (parity, pale yellow): each halving one step
   * further into blue, each doubling one step further into orange and red; clamped to [{@link #RATIO_MIN},
   * {@link #RATIO_MAX}]. The same ratio always gets the same colour, whatever else is in the chart.
   */
  public static String ratio(double v) {
    double lo = Math.log(RATIO_MIN) / Math.log(2);
    double hi = Math.log(RATIO_MAX) / Math.log(2);
    double l = v > 0 ? Math.log(v) / Math.log(2) : lo; // NaN, 0 and below: the low end
    return at(RATIO, (Math.max(lo, Math.min(hi, l)) - lo) / (hi - lo) * (RATIO.length - 1));
  }

  /** Linear interpolation between neighbouring stops; {@code x} in [0, stops - 1]. */
  private static String at(int[][] stops, double x) {
    int i = Math.min((int) Math.floor(x), stops.length - 2);
    double f = x - i;
    int[] a = stops[i];
    int[] b = stops[i + 1];
    return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
  }

  /** Dark text on light cells, white on dark ones. */
  public static String textOn(double t) {
    return t > 0.55 ? "#ffffff" : "#222222";
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
