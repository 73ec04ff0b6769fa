package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** Points coloured by series (e.g. one point per tokenizer x language, coloured by tokenizer). */
final class ScatterChart {
  record Point(String series, String label, double x, double y) {}

  private static final double WIDTH = 900;
  private static final double PLOT_H = 320;

  private ScatterChart() {}

  static String render(String id, List<String> series, List<Point> points, String xLabel, String yLabel,
      DoubleFunction<String> xFmt, DoubleFunction<String> yFmt) {
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      xMin = Math.min(xMin, p.x());
      xMax = Math.max(xMax, p.x());
      yMin = Math.min(yMin, p.y());
      yMax = Math.max(yMax, p.y());
    }
    if (points.isEmpty()) {
      xMin = yMin = 0;
      xMax = yMax = 1;
    }
    double left = 60;
    double top = 24;
    double plotW = WIDTH - left - 20;
    List<Double> xt = Svg.ticks(Math.min(xMin, Math.floor(xMin)), xMax, 8);
    List<Double> yt = Svg.ticks(0, yMax, 5);
    double x0 = xt.get(0);
    double x1 = Math.max(xt.get(xt.size() - 1), xMax) * 1.02;
    double y1 = Svg.niceMax(yMax);
    Svg.Scale x = new Svg.Scale(x0, x1, left, left + plotW);
    Svg.Scale y = new Svg.Scale(0, y1, top + PLOT_H, top);
    double legendY = top + PLOT_H + 40;
    Svg svg = new Svg(id, WIDTH, legendY + Legend.height(series, WIDTH - left) + 6);
    svg.text(left, 14, yLabel, "start", "axis");
    for (double t : Svg.ticks(0, y1, 5)) {
      svg.line(left, y.at(t), left + plotW, y.at(t), "#e3e3e3", 1, null);
      svg.text(left - 6, y.at(t) + 4, yFmt.apply(t), "end", "tick");
    }
    for (double t : xt) {
      svg.line(x.at(t), top, x.at(t), top + PLOT_H, "#eeeeee", 1, null);
      svg.text(x.at(t), top + PLOT_H + 16, xFmt.apply(t), "middle", "tick");
    }
    svg.line(left, top + PLOT_H, left + plotW, top + PLOT_H, "#555555", 1, null);
    svg.line(left, top, left, top + PLOT_H, "#555555", 1, null);
    svg.text(left + plotW / 2, top + PLOT_H + 32, xLabel, "middle", "axis");
    List<String> colors = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      colors.add(Palette.color(i));
    }
    for (Point p : points) {
      int s = Math.max(0, series.indexOf(p.series()));
      svg.circle(x.at(p.x()), y.at(p.y()), 4.5, colors.get(s), "mark",
          p.series() + " · " + p.label() + ": " + xFmt.apply(p.x()) + ", " + yFmt.apply(p.y()));
    }
    Legend.draw(svg, series, colors, left, legendY, WIDTH - left);
    return svg.render(yLabel + " against " + xLabel);
  }
}
