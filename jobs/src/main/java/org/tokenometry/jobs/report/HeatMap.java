package org.tokenometry.jobs.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A rows x columns grid of coloured cells with the value written in each; columns can be grouped under headers
 * (e.g. languages under their script). Darker = larger value.
 */
final class HeatMap {
  record ColumnGroup(String label, List<String> columns) {}

  private static final double CELL_W = 46;
  private static final double CELL_H = 22;

  private HeatMap() {}

  /** {@code values[row][column]} over the flattened columns; NaN = no data (grey). */
  static String render(String id, List<String> rows, List<ColumnGroup> groups, double[][] values, String label,
      DoubleFunction<String> fmt) {
    int cols = groups.stream().mapToInt(g -> g.columns().size()).sum();
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
    double left = 20;
    for (String r : rows) {
      left = Math.max(left, Legend.textWidth(r) + 14);
    }
    double top = 74;
    double width = Math.max(left + cols * CELL_W + 20, 420);
    double height = top + rows.size() * CELL_H + 46;
    Svg svg = new Svg(id, width, height);
    int c = 0;
    for (ColumnGroup g : groups) {
      double gx = left + c * CELL_W;
      svg.text(gx + 2, 14, g.label(), "start", "group");
      svg.line(gx + 1, 18, gx + g.columns().size() * CELL_W - 1, 18, "#999999", 0.8, null);
      for (String col : g.columns()) {
        double cx = left + c * CELL_W + CELL_W / 2;
        svg.text(cx, top - 6, col, "start", "tick", null, -40);
        c++;
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      double y = top + r * CELL_H;
      svg.text(left - 6, y + CELL_H / 2 + 4, rows.get(r), "end", "label");
      for (int j = 0; j < cols; j++) {
        double v = j < values[r].length ? values[r][j] : Double.NaN;
        double x = left + j * CELL_W;
        if (Double.isNaN(v)) {
          svg.rect(x, y, CELL_W - 1, CELL_H - 1, "#eeeeee", "empty", rows.get(r) + ": no data");
          continue;
        }
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        String title = rows.get(r) + " · " + columnAt(groups, j) + ": " + fmt.apply(v);
        svg.rect(x, y, CELL_W - 1, CELL_H - 1, Palette.ramp(t), "mark", title);
        svg.text(x + CELL_W / 2, y + CELL_H / 2 + 4, fmt.apply(v), "middle", "cell", Palette.textOn(t), 0);
      }
    }
    // scale: five swatches from min to max
    double ly = top + rows.size() * CELL_H + 14;
    svg.text(left, ly + 12, label + ":", "start", "axis");
    double lx = left + Legend.textWidth(label) + 14;
    for (int i = 0; i < 5; i++) {
      double t = i / 4.0;
      double v = Double.isInfinite(lo) ? 0 : lo + (hi - lo) * t;
      svg.rect(lx + i * 52, ly, 50, 16, Palette.ramp(t), "swatch", null);
      svg.text(lx + i * 52 + 25, ly + 12, fmt.apply(v), "middle", "cell", Palette.textOn(t), 0);
    }
    return svg.render(label);
  }

  private static String columnAt(List<ColumnGroup> groups, int j) {
    for (ColumnGroup g : groups) {
      if (j < g.columns().size()) {
        return g.columns().get(j);
      }
      j -= g.columns().size();
    }
    return "";
  }
}
