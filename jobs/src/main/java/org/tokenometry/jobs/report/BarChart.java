package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Horizontal grouped bars: one row per item (e.g. a language), one bar per series (e.g. a tokenizer, in its own
 * colour), items grouped under headers (e.g. a script). Missing values (NaN) leave a gap instead of a
 * zero-length bar; a flagged bar (unknown tokens) is pale and followed by ⚠. The legend is the page's, beside
 * the chart.
 */
final class BarChart {
  /**
   * {@code flag}: why the bar is flagged (its tooltip says so), or null; {@code detail}: what the tooltip adds
   * after the value (e.g. the count behind a share), or null.
   */
  record Bar(String series, double value, String colour, String flag, Svg.Key key, String detail) {
    Bar(String series, double value, String colour, String flag, Svg.Key key) {
      this(series, value, colour, flag, key, null);
    }
  }

  /** {@code key}: what the row is (e.g. its language), so the filter can hide its label with its bars. */
  record Item(String label, List<Bar> bars, Svg.Key key) {}

  record Group(String label, List<Item> items) {}

  static final double WIDTH = 640;
  static final double BAR = 8; // 7 px of bar, 1 px apart
  private static final double SINGLE_BAR = 15; // one bar per row: as tall as its label
  private static final double ROW_GAP = 6;
  private static final double HEADER = 20;
  private static final double TOP = 10;
  private static final double RIGHT = 40;

  private BarChart() {}

  /**
   * @param reference a value to mark with a dashed line (e.g. premium 1.0 = parity with the pivot), or NaN
   */
  static String render(String id, List<Group> groups, String axisLabel, double reference,
      DoubleFunction<String> fmt) {
    return render(id, groups, axisLabel, reference, fmt, WIDTH, fmt);
  }

  /**
   * As above, {@code width} px wide, the axis labelled by {@code tickFmt}: a small multiple (narrower than
   * {@link #WIDTH}) gets fewer ticks, and its ticks may need fewer decimals than its tooltips.
   */
  static String render(String id, List<Group> groups, String axisLabel, double reference,
      DoubleFunction<String> fmt, double width, DoubleFunction<String> tickFmt) {
    double labelW = 20;
    double max = reference > 0 ? reference : 0;
    int series = 1;
    for (Group g : groups) {
      for (Item it : g.items()) {
        labelW = Math.max(labelW, Svg.textWidth(it.label()) + 16);
        series = Math.max(series, it.bars().size());
        for (Bar b : it.bars()) {
          max = Double.isNaN(b.value()) ? max : Math.max(max, b.value());
        }
      }
    }
    double left = labelW;
    double plotW = width - left - RIGHT;
    double bar = series == 1 ? SINGLE_BAR : BAR;
    double rowH = series * bar + ROW_GAP;
    double plotH = 0;
    for (Group g : groups) {
      plotH += (g.label() == null ? 0 : HEADER) + g.items().size() * rowH;
    }
    Svg svg = new Svg(id, width, TOP + plotH + 40);
    Svg.Scale x = new Svg.Scale(0, Svg.niceMax(max), left, left + plotW);
    for (double t : spaced(Svg.ticks(0, x.d1(), width >= WIDTH ? 6 : 3), tickFmt, plotW)) {
      svg.line(x.at(t), TOP, x.at(t), TOP + plotH, "#e3e3e3", 1, null);
      svg.text(x.at(t), TOP + plotH + 14, tickFmt.apply(t), "middle", "tick");
    }
    svg.text(left + plotW / 2, TOP + plotH + 32, axisLabel, "middle", "axis");
    double y = TOP;
    for (Group g : groups) {
      if (g.label() != null) {
        svg.text(4, y + 14, g.label(), "start", "group");
        svg.line(4, y + HEADER - 2, width - RIGHT, y + HEADER - 2, "#999999", 0.5, null);
        y += HEADER;
      }
      for (Item it : g.items()) {
        svg.text(left - 6, y + rowH / 2 + 2, it.label(), "end", "label", null, 0, it.key());
        for (int s = 0; s < it.bars().size(); s++) {
          Bar b = it.bars().get(s);
          if (Double.isNaN(b.value())) {
            continue;
          }
          String title = it.label() + " · " + b.series() + ": " + fmt.apply(b.value())
              + (b.detail() == null ? "" : " (" + b.detail() + ")") + (b.flag() == null ? "" : " (" + b.flag() + ")");
          double end = x.at(b.value());
          svg.rect(left, y + s * bar, end - left, bar - 1, b.colour(), b.flag() == null ? "mark bar"
              : "mark bar flagged", title, b.key());
          if (b.flag() != null) {
            svg.text(end + 2, y + s * bar + bar - 1, UnknownTokens.MARK, "start", "flagmark", null, 0, b.key());
          }
        }
        y += rowH;
      }
    }
    svg.line(left, TOP, left, TOP + plotH, "#555555", 1, null);
    if (!Double.isNaN(reference)) {
      svg.line(x.at(reference), TOP, x.at(reference), TOP + plotH, "#333333", 1.2, "4 3");
    }
    return svg.render(axisLabel);
  }

  /** Every k-th tick from the first, k the smallest that keeps the labels from touching over {@code plotW}. */
  static List<Double> spaced(List<Double> ticks, DoubleFunction<String> fmt, double plotW) {
    double label = 0;
    for (double t : ticks) {
      label = Math.max(label, Svg.textWidth(fmt.apply(t)) + 8);
    }
    int k = 1;
    while (k < ticks.size() && label * Math.ceil((double) ticks.size() / k) > plotW) {
      k++;
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < ticks.size(); i += k) {
      out.add(ticks.get(i));
    }
    return out;
  }
}
