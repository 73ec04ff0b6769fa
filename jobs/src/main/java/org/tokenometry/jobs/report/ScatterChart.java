package org.tokenometry.jobs.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Points coloured by series (e.g. one point per tokenizer x language, in the tokenizer's colour); a flagged point
 * (unknown tokens) is drawn hollow. The legend is the page's, beside the chart.
 */
final class ScatterChart {
  /** {@code flag}: why the point is flagged (its tooltip says so), or null. */
  record Point(String series, String label, double x, double y, String colour, String flag, Svg.Key key) {}

  static final double WIDTH = 640;
  private static final double PLOT_H = 320;
  private static final double LEFT = 60;
  private static final double TOP = 24;

  private ScatterChart() {}

  static String render(String id, List<Point> points, String xLabel, String yLabel, DoubleFunction<String> xFmt,
      DoubleFunction<String> yFmt) {
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      xMin = Math.min(xMin, p.x());
      xMax = Math.max(xMax, p.x());
      yMax = Math.max(yMax, p.y());
    }
    if (points.isEmpty()) {
      xMin = 0;
      xMax = yMax = 1;
    }
    double plotW = WIDTH - LEFT - 20;
    List<Double> xt = Svg.ticks(Math.min(xMin, Math.floor(xMin)), xMax, 8);
    double x0 = xt.get(0);
    double x1 = Math.max(xt.get(xt.size() - 1), xMax) * 1.02;
    double y1 = Svg.niceMax(yMax);
    Svg.Scale x = new Svg.Scale(x0, x1, LEFT, LEFT + plotW);
    Svg.Scale y = new Svg.Scale(0, y1, TOP + PLOT_H, TOP);
    Svg svg = new Svg(id, WIDTH, TOP + PLOT_H + 40);
    svg.text(LEFT, 14, yLabel, "start", "axis");
    for (double t : Svg.ticks(0, y1, 5)) {
      svg.line(LEFT, y.at(t), LEFT + plotW, y.at(t), "#e3e3e3", 1, null);
      svg.text(LEFT - 6, y.at(t) + 4, yFmt.apply(t), "end", "tick");
    }
    for (double t : xt) {
      svg.line(x.at(t), TOP, x.at(t), TOP + PLOT_H, "#eeeeee", 1, null);
      svg.text(x.at(t), TOP + PLOT_H + 16, xFmt.apply(t), "middle", "tick");
    }
    svg.line(LEFT, TOP + PLOT_H, LEFT + plotW, TOP + PLOT_H, "#555555", 1, null);
    svg.line(LEFT, TOP, LEFT, TOP + PLOT_H, "#555555", 1, null);
    svg.text(LEFT + plotW / 2, TOP + PLOT_H + 34, xLabel, "middle", "axis");
    for (Point p : points) {
      String title = p.series() + " · " + p.label() + ": " + xFmt.apply(p.x()) + ", " + yFmt.apply(p.y())
          + (p.flag() == null ? "" : " (" + p.flag() + ")");
      svg.circle(x.at(p.x()), y.at(p.y()), 4.5, p.flag() == null ? p.colour() : "none",
          p.flag() == null ? "mark dot" : "mark dot flagged", title, p.key());
    }
    return svg.render(yLabel + " against " + xLabel);
  }
}
