package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.List;

/** One horizontal bar per row split into coloured shares that sum to (about) 1. */
final class StackedBarChart {
  record Row(String label, double[] shares) {}

  private static final double WIDTH = 900;
  private static final double BAR = 18;

  private StackedBarChart() {}

  static String render(String id, List<String> segments, List<Row> rows, String axisLabel) {
    double left = 20;
    for (Row r : rows) {
      left = Math.max(left, Legend.textWidth(r.label()) + 14);
    }
    double right = 20;
    double top = 8;
    double plotW = WIDTH - left - right;
    double plotH = rows.size() * (BAR + 6);
    double legendY = top + plotH + 36;
    Svg svg = new Svg(id, WIDTH, legendY + Legend.height(segments, WIDTH - left) + 6);
    Svg.Scale x = new Svg.Scale(0, 1, left, left + plotW);
    for (double t : Svg.ticks(0, 1, 5)) {
      svg.line(x.at(t), top, x.at(t), top + plotH, "#e3e3e3", 1, null);
      svg.text(x.at(t), top + plotH + 14, Math.round(t * 100) + " %", "middle", "tick");
    }
    svg.text(left + plotW / 2, top + plotH + 30, axisLabel, "middle", "axis");
    List<String> colors = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      colors.add(Palette.color(i));
    }
    double y = top;
    for (Row r : rows) {
      svg.text(left - 6, y + BAR / 2 + 4, r.label(), "end", "label");
      double acc = 0;
      for (int s = 0; s < segments.size(); s++) {
        double v = s < r.shares().length ? r.shares()[s] : 0;
        if (v > 0) {
          svg.rect(x.at(acc), y, x.at(acc + v) - x.at(acc), BAR, colors.get(s), "mark",
              r.label() + " · " + segments.get(s) + ": " + Html.pct(v, 1));
          acc += v;
        }
      }
      y += BAR + 6;
    }
    Legend.draw(svg, segments, colors, left, legendY, WIDTH - left);
    return svg.render(axisLabel);
  }
}
