package org.tokenometry.jobs.report;

import java.util.List;

/** One horizontal bar per row split into coloured shares that sum to (about) 1; the legend is beside it. */
final class StackedBarChart {
  /** {@code key}: what the row is (e.g. its tokenizer), for the page's filter. */
  record Row(String label, double[] shares, Svg.Key key) {}

  static final double WIDTH = 640;
  private static final double BAR = 18;

  private StackedBarChart() {}

  static String render(String id, List<String> segments, List<String> colours, List<Row> rows, String axisLabel) {
    double left = 20;
    for (Row r : rows) {
      left = Math.max(left, Svg.textWidth(r.label()) + 14);
    }
    double top = 8;
    double plotW = WIDTH - left - 20;
    double plotH = rows.size() * (BAR + 6);
    Svg svg = new Svg(id, WIDTH, top + plotH + 40);
    Svg.Scale x = new Svg.Scale(0, 1, left, left + plotW);
    for (double t : Svg.ticks(0, 1, 5)) {
      svg.line(x.at(t), top, x.at(t), top + plotH, "#e3e3e3", 1, null);
      svg.text(x.at(t), top + plotH + 14, Math.round(t * 100) + " %", "middle", "tick");
    }
    svg.text(left + plotW / 2, top + plotH + 32, axisLabel, "middle", "axis");
    double y = top;
    for (Row r : rows) {
      svg.text(left - 6, y + BAR / 2 + 4, r.label(), "end", "label", null, 0, r.key());
      double acc = 0;
      for (int s = 0; s < segments.size(); s++) {
        double v = s < r.shares().length ? r.shares()[s] : 0;
        if (v > 0) {
          svg.rect(x.at(acc), y, x.at(acc + v) - x.at(acc), BAR, colours.get(s), "mark",
              r.label() + " · " + segments.get(s) + ": " + Html.pct(v, 1), r.key());
          acc += v;
        }
      }
      y += BAR + 6;
    }
    return svg.render(axisLabel);
  }
}
