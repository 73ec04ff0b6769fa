package org.tokenometry.jobs.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A rows x columns grid of coloured cells. {@link #render} writes the value in each cell and can group columns
 * under headers (e.g. languages under their script; darker = larger value); {@link #renderRatios} is the compact
 * form for many rows: rows grouped in a left gutter, small cells coloured by {@link Palette#ratio}, the value
 * only in each cell's tooltip.
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
  private static final double OCTAVE_W = 56;
  private static final double SIN40 = Math.sin(Math.toRadians(40));
  private static final double COS40 = Math.cos(Math.toRadians(40));
  private static final String NO_DATA = "#d9d9d9"; // neither parity's pale yellow nor the scale's pale blue

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

  /**
   * The compact form for many rows of ratios (e.g. 204 languages x 15 tokenizers of token premiums):
   * {@code values[row][column]} over the rows of {@code groups} in order; NaN = no data (grey). Colours come from
   * {@link Palette#ratio} (log 2, parity at 1); the scale is drawn on top, over the octaves the data span, and
   * the column names above and (for a long grid) below the cells.
   */
  static String renderRatios(String id, List<RowGroup> groups, List<String> columns, double[][] values,
      String label, DoubleFunction<String> fmt) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    boolean missing = false;
    for (double[] row : values) {
      for (int j = 0; j < columns.size(); j++) {
        double v = j < row.length ? row[j] : Double.NaN;
        missing |= Double.isNaN(v);
        if (!Double.isNaN(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    // the scale covers whole octaves around the data, always including parity (1) and 2
    double scaleLo = Math.max(Palette.RATIO_MIN, octave(Math.min(1, lo), true));
    double scaleHi = Math.min(Palette.RATIO_MAX, octave(Math.max(2, hi), false));
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
    double legendTitle = Legend.textWidth(label + ":") + 12;
    double legendW = legendTitle + octaves(scaleLo, scaleHi) * OCTAVE_W + (missing ? 90 : 0);
    double legendH = 48;
    double top = legendH + colLabelH;
    double gridH = rows * ROW_H + Math.max(0, groups.size() - 1) * GROUP_GAP;
    boolean labelsBelow = rows > 40; // a long grid repeats the column names under it
    double height = top + gridH + (labelsBelow ? colLabelH : 0) + 8;
    double width = Math.max(Math.max(left + columns.size() * COL_W + colText * COS40 + 8, legendW + 8), 420);
    Svg svg = new Svg(id, width, height);
    ratioScale(svg, 4, 6, scaleLo, scaleHi, lo < scaleLo, hi > scaleHi, label, missing);
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
            svg.rect(x, y, COL_W - 1, ROW_H - 1, Palette.ratio(v), "mark", where + fmt.apply(v));
          }
        }
        y += ROW_H;
        r++;
      }
      y += GROUP_GAP;
    }
    return svg.render(label);
  }

  /**
   * A colour bar over [lo, hi] (powers of 2) with a tick per doubling, parity named, and a no-data swatch;
   * an end the data go beyond (clamped colours) is labelled ≤ or ≥.
   */
  private static void ratioScale(Svg svg, double x, double y, double lo, double hi, boolean belowLo,
      boolean aboveHi, String label, boolean missing) {
    svg.text(x, y + 11, label + ":", "start", "axis");
    double x0 = x + Legend.textWidth(label + ":") + 12;
    int n = octaves(lo, hi);
    int slices = 8; // per octave: smooth enough, and few elements
    double w = OCTAVE_W / slices;
    double l0 = Math.log(lo) / Math.log(2);
    for (int i = 0; i < n * slices; i++) {
      double v = Math.pow(2, l0 + (i + 0.5) / slices);
      svg.rect(x0 + i * w, y, w + 0.3, 14, Palette.ratio(v), "swatch", null);
    }
    for (int k = 0; k <= n; k++) {
      double v = Math.pow(2, l0 + k);
      double tx = x0 + k * OCTAVE_W;
      svg.line(tx, y + 14, tx, y + 18, "#555555", 1, null);
      String bound = k == 0 && belowLo ? "≤ " : k == n && aboveHi ? "≥ " : "";
      svg.text(tx, y + 28, bound + Svg.tick(v) + "×", "middle", "tick");
      if (v == 1) {
        svg.text(tx, y + 39, "parity", "middle", "tick");
      }
    }
    if (missing) {
      double mx = x0 + n * OCTAVE_W + 18;
      svg.rect(mx, y, 14, 14, NO_DATA, "swatch", null);
      svg.text(mx + 18, y + 11, "no data", "start", "legend");
    }
  }

  /** The power of 2 at or below ({@code down}) or at or above {@code v}. */
  private static double octave(double v, boolean down) {
    double l = Math.log(v) / Math.log(2);
    return Math.pow(2, down ? Math.floor(l + 1e-9) : Math.ceil(l - 1e-9));
  }

  private static int octaves(double lo, double hi) {
    return (int) Math.round(Math.log(hi / lo) / Math.log(2));
  }
}
