package org.tokenometry.jobs.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A grid of coloured cells in two forms. {@link #render}: a few columns grouped under headers (e.g. languages
 * under their script), the value written in each cell, darker = larger. {@link #renderRows}: the compact form
 * for many rows (e.g. 204 languages): rows grouped in a left gutter, 13-px cells coloured by a
 * {@link ColourScale} whose key is drawn on top, the value only in each cell's tooltip.
 */
final class HeatMap {
  record ColumnGroup(String label, List<String> columns) {}

  record RowGroup(String label, List<String> rows) {}

  private static final double CELL_W = 46;
  private static final double CELL_H = 22;
  // compact form: 13-px rows keep 204 languages under 3,000 px; 40-px columns leave room for the rotated names
  private static final double ROW_H = 13;
  private static final double COL_W = 40;
  private static final double GROUP_GAP = 4;
  private static final double SIN40 = Math.sin(Math.toRadians(40));
  private static final double COS40 = Math.cos(Math.toRadians(40));
  private static final String NO_DATA = "#d9d9d9"; // grey: a colour neither scale uses

  private HeatMap() {}

  /** {@code values[row][column]} over the flattened columns; NaN = no data (grey). */
  static String render(String id, List<String> rows, List<ColumnGroup> groups, double[][] values, String label,
      DoubleFunction<String> fmt) {
    int cols = groups.stream().mapToInt(g -> g.columns().size()).sum();
    LinearScale scale = LinearScale.over(values, label, fmt);
    double left = 20;
    for (String r : rows) {
      left = Math.max(left, Legend.textWidth(r) + 14);
    }
    double top = 74;
    double width = Math.max(left + Math.max(cols * CELL_W, scale.width()) + 20, 420);
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
        String title = rows.get(r) + " · " + columnAt(groups, j) + ": " + fmt.apply(v);
        svg.rect(x, y, CELL_W - 1, CELL_H - 1, scale.fill(v), "mark", title);
        svg.text(x + CELL_W / 2, y + CELL_H / 2 + 4, fmt.apply(v), "middle", "cell", scale.textOn(v), 0);
      }
    }
    scale.draw(svg, left, top + rows.size() * CELL_H + 14);
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

  /**
   * The compact form for many rows (e.g. 204 languages x 15 tokenizers): {@code values[row][column]} over the
   * rows of {@code groups} in order; NaN = no data (grey, with a swatch beside the key). The key is drawn on
   * top, the column names above and (for a long grid) below the cells; each cell's tooltip reads
   * "row · column: value".
   */
  static String renderRows(String id, List<RowGroup> groups, List<String> columns, double[][] values,
      ColourScale scale, DoubleFunction<String> fmt) {
    boolean missing = false;
    for (double[] row : values) {
      for (int j = 0; j < columns.size(); j++) {
        missing |= j >= row.length || Double.isNaN(row[j]);
      }
    }
    int rows = groups.stream().mapToInt(g -> g.rows().size()).sum();
    double gutter = 0;
    for (RowGroup g : groups) {
      gutter = Math.max(gutter, Legend.textWidth(g.label()) * 1.1 + 12); // group labels are bold
    }
    double labelW = 20;
    for (RowGroup g : groups) {
      for (String r : g.rows()) {
        labelW = Math.max(labelW, Legend.textWidth(r) + 10);
      }
    }
    double colText = 0;
    for (String c : columns) {
      colText = Math.max(colText, Legend.textWidth(c));
    }
    double colLabelH = colText * SIN40 + 14;
    double left = gutter + labelW;
    double keyW = scale.width() + (missing ? 90 : 0);
    double top = 6 + scale.height() + colLabelH;
    double gridH = rows * ROW_H + Math.max(0, groups.size() - 1) * GROUP_GAP;
    boolean labelsBelow = rows > 40; // a long grid repeats the column names under it
    double height = top + gridH + (labelsBelow ? colLabelH : 0) + 8;
    double width = Math.max(Math.max(left + columns.size() * COL_W + colText * COS40 + 8, keyW + 8), 420);
    Svg svg = new Svg(id, width, height);
    scale.draw(svg, 4, 6);
    if (missing) {
      double mx = 4 + scale.width() + 18;
      svg.rect(mx, 6, 14, 14, NO_DATA, "swatch", null);
      svg.text(mx + 18, 17, "no data", "start", "legend");
    }
    for (int j = 0; j < columns.size(); j++) {
      double cx = left + j * COL_W + COL_W / 2;
      svg.text(cx, top - 6, columns.get(j), "start", "tick", null, -40);
      if (labelsBelow) {
        svg.text(cx, top + gridH + 12, columns.get(j), "start", "tick", null, 40);
      }
    }
    double y = top;
    int r = 0;
    for (RowGroup g : groups) {
      double gh = g.rows().size() * ROW_H;
      svg.text(4, y + ROW_H / 2 + 4, g.label(), "start", "group");
      svg.line(gutter - 4, y + 1, gutter - 4, y + gh - 1, "#4e79a7", 1.5, null);
      for (String row : g.rows()) {
        svg.text(left - 5, y + ROW_H / 2 + 4, row, "end", "tick");
        for (int j = 0; j < columns.size(); j++) {
          double v = j < values[r].length ? values[r][j] : Double.NaN;
          double x = left + j * COL_W;
          String where = row + " · " + columns.get(j) + ": ";
          if (Double.isNaN(v)) {
            svg.rect(x, y, COL_W - 1, ROW_H - 1, NO_DATA, "empty", where + "no data");
          } else {
            svg.rect(x, y, COL_W - 1, ROW_H - 1, scale.fill(v), "mark", where + fmt.apply(v));
          }
        }
        y += ROW_H;
        r++;
      }
      y += GROUP_GAP;
    }
    return svg.render(scale.label());
  }
}
