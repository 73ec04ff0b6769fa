package org.tokenometry.jobs.report;

import java.util.Locale;

/** Colours: a categorical set for tokenizers/series and a sequential ramp for heat maps. */
public final class Palette {
  // Tableau 10: distinguishable, and readable as bars on white
  private static final String[] CATEGORICAL = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
      "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  // light yellow -> green -> dark blue (viridis-like stops, reversed so "more" is darker)
  private static final int[][] RAMP = {{255, 255, 204}, {161, 218, 180}, {65, 182, 196}, {44, 127, 184},
      {37, 52, 148}};

  private Palette() {}

  public static String color(int i) {
    return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
  }

  /** The ramp colour at {@code t} in [0, 1]. */
  public static String ramp(double t) {
    double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (RAMP.length - 1);
    int i = Math.min((int) Math.floor(x), RAMP.length - 2);
    double f = x - i;
    int[] a = RAMP[i];
    int[] b = RAMP[i + 1];
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
