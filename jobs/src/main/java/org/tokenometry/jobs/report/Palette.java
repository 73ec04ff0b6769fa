package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Colours: a qualitative set for tokenizers (up to 23 distinct), a small one for other categories (scripts, token
 * categories), a sequential ramp for heat maps and a diverging scale for ratios such as token premiums.
 */
public final class Palette {
  /**
   * Paul Tol's discrete rainbow (P. Tol, "Colour Schemes", SRON technical note SRON/EPS/TN/09-002, figure 22,
   * personal.sron.nl/~pault): 29 colours and, for each n from 1 to 23, the n of them that stay apart for
   * colour-blind readers. The only published colour-blind-aware qualitative scheme we know with 20+ colours.
   */
  private static final String[] RAINBOW = {"#E8ECFB", "#D9CCE3", "#D1BBD7", "#CAACCB", "#BA8DB4", "#AE76A3",
      "#AA6F9E", "#994F88", "#882E72", "#1965B0", "#437DBF", "#5289C7", "#6195CF", "#7BAFDE", "#4EB265", "#90C987",
      "#CAE0AB", "#F7F056", "#F7CB45", "#F6C141", "#F4A736", "#F1932D", "#EE8026", "#E8601C", "#E65518", "#DC050C",
      "#A5170E", "#72190E", "#42150A"};
  private static final int[][] RAINBOW_SETS = {{9}, {9, 25}, {9, 17, 25}, {9, 14, 17, 25}, {9, 13, 14, 17, 25},
      {9, 13, 14, 16, 17, 25}, {8, 9, 13, 14, 16, 17, 25}, {8, 9, 13, 14, 16, 17, 22, 25},
      {8, 9, 13, 14, 16, 17, 22, 25, 27}, {8, 9, 13, 14, 16, 17, 20, 23, 25, 27},
      {8, 9, 11, 13, 14, 16, 17, 20, 23, 25, 27}, {2, 5, 8, 9, 11, 13, 14, 16, 17, 20, 23, 25},
      {2, 5, 8, 9, 11, 13, 14, 15, 16, 17, 20, 23, 25}, {2, 5, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25},
      {2, 5, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25, 27},
      {2, 4, 6, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25, 27},
      {2, 4, 6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25, 27},
      {2, 4, 6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25, 26, 27},
      {1, 3, 4, 6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 19, 21, 23, 25, 26, 27},
      {1, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 19, 21, 23, 25, 26, 27},
      {1, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 25, 26, 27},
      {1, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 25, 26, 27, 28},
      {0, 1, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 25, 26, 27, 28}};
  /** Tol's "muted" scheme (same note, figure 4): for categories that are not tokenizers (scripts, token kinds). */
  private static final String[] MUTED = {"#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77",
      "#CC6677", "#882255", "#AA4499", "#DDDDDD"};
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
  /** Most series {@link #series} keeps apart; beyond, colours repeat. */
  public static final int MAX_SERIES = RAINBOW_SETS.length;

  private Palette() {}

  /**
   * Colours for {@code n} series in order: Tol's set for n (up to {@value #MAX_SERIES}; beyond, the 23-colour set
   * again, the legend still naming every series). The set runs through the hues in order, so handing it out in
   * that order would give neighbouring series (neighbouring bars) neighbouring hues and the first series the
   * palest colour: it is handed out from the dark red end, every other colour, then the ones skipped.
   */
  public static List<String> series(int n) {
    int[] set = RAINBOW_SETS[Math.max(0, Math.min(n, MAX_SERIES) - 1)];
    List<String> order = new ArrayList<>();
    for (int start = set.length - 1; start >= set.length - 2 && start >= 0; start--) {
      for (int i = start; i >= 0; i -= 2) {
        order.add(RAINBOW[set[i]].toLowerCase(Locale.ROOT));
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(order.get(i % order.size()));
    }
    return out;
  }

  /** The i-th colour for categories that are not tokenizers; the last (grey) serves "other". */
  public static String category(int i) {
    return MUTED[Math.floorMod(i, MUTED.length - 1)].toLowerCase(Locale.ROOT);
  }

  /** Grey for an "other" or folded category. */
  public static String other() {
    return MUTED[MUTED.length - 1].toLowerCase(Locale.ROOT);
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
