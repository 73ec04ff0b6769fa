package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Lines through points sorted by x, one per series in its colour and dash; the points themselves are the data
 * marks. Small (440 px), so three fit side by side; the legend is shared, beside them.
 */
final class LineChart {
  /** {@code dash}: SVG dash array, null for a solid line. */
  record Series(String label, String colour, String dash, Svg.Key key, List<double[]> points) {}

  static final double WIDTH = 440;
  private static final double PLOT_H = 220;
  private static final double LEFT = 52;
  private static final double RIGHT = 16;
  private static final double TOP = 24;

  private LineChart() {}

  static String render(String id, List<Series> series, String xLabel, String yLabel, DoubleFunction<String> yFmt) {
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMax = 0;
    for (Series s : series) {
      for (double[] p : s.points()) {
        xMin = Math.min(xMin, p[0]);
        xMax = Math.max(xMax, p[0]);
        yMax = Math.max(yMax, p[1]);
      }
    }
    if (Double.isInfinite(xMin)) {
      xMin = 0;
      xMax = 1;
    }
    double plotW = WIDTH - LEFT - RIGHT;
    double pad = xMax > xMin ? (xMax - xMin) * 0.04 : 1;
    Svg.Scale x = new Svg.Scale(xMin - pad, xMax + pad, LEFT, LEFT + plotW);
    Svg.Scale y = new Svg.Scale(0, Svg.niceMax(yMax), TOP + PLOT_H, TOP);
    Svg svg = new Svg(id, WIDTH, TOP + PLOT_H + 40);
    svg.text(LEFT, 14, yLabel, "start", "axis");
    for (double t : Svg.ticks(0, y.d1(), 5)) {
      svg.line(LEFT, y.at(t), LEFT + plotW, y.at(t), "#e3e3e3", 1, null);
      svg.text(LEFT - 6, y.at(t) + 4, yFmt.apply(t), "end", "tick");
    }
    for (double t : xTicks(series, xMin, xMax)) {
      svg.line(x.at(t), TOP + PLOT_H, x.at(t), TOP + PLOT_H + 4, "#555555", 1, null);
      svg.text(x.at(t), TOP + PLOT_H + 16, Svg.tick(t), "middle", "tick");
    }
    svg.line(LEFT, TOP + PLOT_H, LEFT + plotW, TOP + PLOT_H, "#555555", 1, null);
    svg.line(LEFT, TOP, LEFT, TOP + PLOT_H, "#555555", 1, null);
    svg.text(LEFT + plotW / 2, TOP + PLOT_H + 34, xLabel, "middle", "axis");
    for (Series s : series) {
      List<double[]> pts = new ArrayList<>(s.points());
      pts.sort((a, b) -> Double.compare(a[0], b[0]));
      List<double[]> px = pts.stream().map(p -> new double[] {x.at(p[0]), y.at(p[1])}).toList();
      if (px.size() > 1) {
        svg.polyline(px, s.colour(), s.dash(), s.key());
      }
      for (int j = 0; j < pts.size(); j++) {
        svg.circle(px.get(j)[0], px.get(j)[1], 3.5, s.colour(), "mark dot", s.label() + " · " + xLabel + " "
            + Svg.tick(pts.get(j)[0]) + ": " + yFmt.apply(pts.get(j)[1]), s.key());
      }
    }
    return svg.render(yLabel + " by " + xLabel);
  }

  /** The distinct x values when there are few (chunk sizes), else nice ticks. */
  private static List<Double> xTicks(List<Series> series, double lo, double hi) {
    List<Double> xs = series.stream().flatMap(s -> s.points().stream()).map(p -> p[0]).distinct().sorted().toList();
    return xs.size() <= 8 ? xs : Svg.ticks(lo, hi, 6);
  }
}
