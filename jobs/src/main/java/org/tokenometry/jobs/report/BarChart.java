package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Horizontal grouped bars: one row per item (e.g. a language), one bar per series (e.g. a tokenizer), items
 * grouped under headers (e.g. a script). Missing values (NaN) leave a gap instead of a zero-length bar.
 */
final class BarChart {
  record Item(String label, double[] values) {}

  record Group(String label, List<Item> items) {}

  private static final double WIDTH = 900;
  private static final double BAR = 9;
  private static final double ROW_GAP = 6;
  private static final double HEADER = 20;

  private BarChart() {}

  /**
   * @param reference a value to mark with a dashed line (e.g. premium 1.0 = parity with the pivot), or NaN
   */
  static String render(String id, List<String> series, List<Group> groups, String axisLabel, double reference,
      DoubleFunction<String> fmt) {
    double labelW = 20;
    double max = reference > 0 ? reference : 0;
    for (Group g : groups) {
      for (Item it : g.items()) {
        labelW = Math.max(labelW, Legend.textWidth(it.label()) + 16);
        for (double v : it.values()) {
          if (!Double.isNaN(v)) {
            max = Math.max(max, v);
          }
        }
      }
    }
    double left = labelW;
    double right = 60;
    double top = 10;
    double plotW = WIDTH - left - right;
    double rowH = series.size() * BAR + ROW_GAP;
    double plotH = 0;
    for (Group g : groups) {
      plotH += HEADER + g.items().size() * rowH;
    }
    List<String> colors = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      colors.add(Palette.color(i));
    }
    double legendY = top + plotH + 36;
    double height = legendY + Legend.height(series, WIDTH - left) + 6;
    Svg svg = new Svg(id, WIDTH, height);
    Svg.Scale x = new Svg.Scale(0, Svg.niceMax(max), left, left + plotW);
    for (double t : Svg.ticks(0, x.d1(), 6)) {
      svg.line(x.at(t), top, x.at(t), top + plotH, "#e3e3e3", 1, null);
      svg.text(x.at(t), top + plotH + 14, fmt.apply(t), "middle", "tick");
    }
    svg.text(left + plotW / 2, top + plotH + 30, axisLabel, "middle", "axis");
    double y = top;
    for (Group g : groups) {
      svg.text(4, y + 14, g.label(), "start", "group");
      svg.line(4, y + HEADER - 2, WIDTH - right, y + HEADER - 2, "#999999", 0.5, null);
      y += HEADER;
      for (Item it : g.items()) {
        svg.text(left - 6, y + rowH / 2 + 2, it.label(), "end", "label");
        for (int s = 0; s < series.size(); s++) {
          double v = s < it.values().length ? it.values()[s] : Double.NaN;
          if (!Double.isNaN(v)) {
            svg.rect(left, y + s * BAR, x.at(v) - left, BAR - 1, colors.get(s), "mark",
                it.label() + " · " + series.get(s) + ": " + fmt.apply(v));
          }
        }
        y += rowH;
      }
    }
    svg.line(left, top, left, top + plotH, "#555555", 1, null);
    if (!Double.isNaN(reference)) {
      svg.line(x.at(reference), top, x.at(reference), top + plotH, "#333333", 1.2, "4 3");
    }
    Legend.draw(svg, series, colors, left, legendY, WIDTH - left);
    return svg.render(axisLabel);
  }
}
