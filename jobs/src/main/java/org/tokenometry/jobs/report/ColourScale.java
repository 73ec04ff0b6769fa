package org.tokenometry.jobs.report;

/** How a heat map colours its cells, and the key that tells a reader so. */
interface ColourScale {
  /** The fill of a cell holding {@code v} (never NaN: the grid draws missing cells itself). */
  String fill(double v);

  /** -1 when {@code v} is below the scale (drawn in its lowest colour), +1 above, 0 within. */
  int clip(double v);

  /** What the values are, e.g. "bytes/token"; the key's title and the chart's accessible name. */
  String label();

  /** Width of the key as {@link #draw} lays it out. */
  double width();

  /** Height of the band the key takes, from its top to where the chart below it may start. */
  double height();

  /** Draws the key with its top-left corner at ({@code x}, {@code y}). */
  void draw(Svg svg, double x, double y);

  /** Dark text on light cells, white on dark ones. */
  String textOn(double v);

  /** The values that are neither NaN nor excluded ({@code excluded} may be null: nothing excluded). */
  static double[] usable(double[][] values, boolean[][] excluded) {
    int n = 0;
    double[] out = new double[0];
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < values[r].length; c++) {
        double v = values[r][c];
        if (!Double.isNaN(v) && (excluded == null || !excluded[r][c])) {
          if (n == out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(16, n * 2));
          }
          out[n++] = v;
        }
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
