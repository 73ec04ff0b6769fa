package org.tokenometry.jobs.report;

import java.util.List;

/** A colour legend laid out in rows across the chart's width. */
final class Legend {
  static final double ROW = 18;

  private Legend() {}

  /** Height the legend needs for {@code labels} within {@code width}. */
  static double height(List<String> labels, double width) {
    return rows(labels, width) * ROW;
  }

  static void draw(Svg svg, List<String> labels, List<String> colors, double x0, double y0, double width) {
    double x = x0;
    double y = y0;
    for (int i = 0; i < labels.size(); i++) {
      double w = itemWidth(labels.get(i));
      if (x > x0 && x + w > x0 + width) {
        x = x0;
        y += ROW;
      }
      svg.rect(x, y + 3, 11, 11, colors.get(i), "swatch", null);
      svg.text(x + 15, y + 13, labels.get(i), "start", "legend");
      x += w;
    }
  }

  private static int rows(List<String> labels, double width) {
    int rows = labels.isEmpty() ? 0 : 1;
    double x = 0;
    for (String l : labels) {
      double w = itemWidth(l);
      if (x > 0 && x + w > width) {
        rows++;
        x = 0;
      }
      x += w;
    }
    return rows;
  }

  static double itemWidth(String label) {
    return 15 + textWidth(label) + 16;
  }

  /** Rough width of 12 px sans-serif text; the layout only needs to be safe, not exact. */
  static double textWidth(String s) {
    return s == null ? 0 : s.length() * 6.6;
  }
}
