package org.tokenometry.jobs.report;

/** How a heat map colours its cells, and the key that tells a reader so. */
interface ColourScale {
  /** The fill of a cell holding {@code v} (never NaN: the grid draws missing cells itself). */
  String fill(double v);

  /** What the values are, e.g. "bytes/token"; the key's title and the chart's accessible name. */
  String label();

  /** Width of the key as {@link #draw} lays it out. */
  double width();

  /** Height of the band the key takes, from its top to where the chart below it may start. */
  double height();

  /** Draws the key with its top-left corner at ({@code x}, {@code y}). */
  void draw(Svg svg, double x, double y);

  /** {smallest, largest} value that is not NaN; {+∞, -∞} when there is none. */
  static double[] extent(double[][] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : values) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return new double[] {lo, hi};
  }
}
