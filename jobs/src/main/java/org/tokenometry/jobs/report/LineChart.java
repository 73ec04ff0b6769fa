package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** Lines through points sorted by x, one per series; the points themselves are the data marks. */
final class LineChart {
  record Series(String label, List<double[]> points) {}

  private static final double WIDTH = 440;
  private static final double PLOT_H = 220;

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
    double left = 52;
    double right = 16;
    double top = 24;
    double plotW = WIDTH - left - right;
    double pad = xMax > xMin ? (xMax - xMin) * 0.04 : 1;
    Svg.Scale x = new Svg.Scale(xMin - pad, xMax + pad, left, left + plotW);
    Svg.Scale y = new Svg.Scale(0, Svg.niceMax(yMax), top + PLOT_H, top);
    List<String> labels = series.stream().map(Series::label).toList();
    double legendY = top + PLOT_H + 40;
    Svg svg = new Svg(id, WIDTH, legendY + Legend.height(labels, WIDTH - 20) + 6);
    svg.text(left, 14, yLabel, "start", "axis");
    for (double t : Svg.ticks(0, y.d1(), 5)) {
      svg.line(left, y.at(t), left + plotW, y.at(t), "#e3e3e3", 1, null);
      svg.text(left - 6, y.at(t) + 4, yFmt.apply(t), "end", "tick");
    }
    List<Double> xt = xTicks(series, xMin, xMax);
    for (double t : xt) {
      svg.line(x.at(t), top + PLOT_H, x.at(t), top + PLOT_H + 4, "#555555", 1, null);
      svg.text(x.at(t), top + PLOT_H + 16, Svg.tick(t), "middle", "tick");
    }
    svg.line(left, top + PLOT_H, left + plotW, top + PLOT_H, "#555555", 1, null);
    svg.line(left, top, left, top + PLOT_H, "#555555", 1, null);
    svg.text(left + plotW / 2, top + PLOT_H + 32, xLabel, "middle", "axis");
    List<String> colors = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String color = Palette.color(i);
      colors.add(color);
      List<double[]> pts = new ArrayList<>(s.points());
      pts.sort((a, b) -> Double.compare(a[0], b[0]));
      List<double[]> px = pts.stream().map(p -> new double[] {x.at(p[0]), y.at(p[1])}).toList();
      if (px.size() > 1) {
        svg.polyline(px, color);
      }
      for (int j = 0; j < pts.size(); j++) {
        svg.circle(px.get(j)[0], px.get(j)[1], 3.5, color, "mark",
            s.label() + " · " + xLabel + " " + Svg.tick(pts.get(j)[0]) + ": " + yFmt.apply(pts.get(j)[1]));
      }
    }
    Legend.draw(svg, labels, colors, 10, legendY, WIDTH - 20);
    return svg.render(yLabel + " by " + xLabel);
  }

  /** The distinct x values when there are few (chunk sizes), else nice ticks. */
  private static List<Double> xTicks(List<Series> series, double lo, double hi) {
    List<Double> xs = series.stream().flatMap(s -> s.points().stream()).map(p -> p[0]).distinct().sorted().toList();
    return xs.size() <= 8 ? xs : Svg.ticks(lo, hi, 6);
  }
}
