package org.tokenometry.jobs.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A tokenizer x language grid of coloured cells in two forms. {@link #render}: tokenizers as rows, a few
 * languages (or other columns, such as perturbations) as columns in groups, the value written in each cell.
 * {@link #renderRows}: the compact form for many languages (e.g. 204): a 13-px row per language grouped in a left
 * gutter, tokenizers as columns, the value only in each cell's tooltip. Either way: no data is grey; a flagged cell (unknown tokens)
 * is pale with ⚠ and outside the colour scale; a cell beyond the scale is marked ▲ or ▼. Both keep their drawn
 * size (their box scrolls on a narrow page) so the cells stay readable.
 */
final class HeatMap {
  /**
   * {@code values[row][column]}, NaN = no data; {@code flags[row][column]}: why a cell is flagged, or null;
   * {@code notes[row][column]} (may be null): what a cell's tooltip adds after its value.
   */
  record Grid(double[][] values, String[][] flags, String[][] notes) {
    Grid(double[][] values, String[][] flags) {
      this(values, flags, null);
    }

    boolean flagged(int r, int c) {
      return flags != null && flags[r][c] != null;
    }

    /** " (note)" for a cell with a note, else "". */
    String note(int r, int c) {
      return notes == null || notes[r][c] == null ? "" : " (" + notes[r][c] + ")";
    }

    boolean[][] excluded() {
      boolean[][] x = new boolean[values.length][];
      for (int r = 0; r < values.length; r++) {
        x[r] = new boolean[values[r].length];
        for (int c = 0; c < values[r].length; c++) {
          x[r][c] = flagged(r, c);
        }
      }
      return x;
    }

    boolean any(boolean flags, boolean missing) {
      for (int r = 0; r < values.length; r++) {
        for (int c = 0; c < values[r].length; c++) {
          if ((flags && flagged(r, c)) || (missing && Double.isNaN(values[r][c]))) {
            return true;
          }
        }
      }
      return false;
    }
  }

  record ColumnGroup(String label, List<String> columns) {}

  record RowGroup(String label, List<String> rows) {}

  private static final double CELL_W = 46;
  private static final double CELL_H = 22;
  // compact form: 13-px rows keep 204 languages under 3,000 px; 40-px columns leave room for the rotated names
  static final double ROW_H = 13;
  static final double COL_W = 40;
  static final double GROUP_GAP = 4;
  private static final double SIN40 = Math.sin(Math.toRadians(40));
  private static final double COS40 = Math.cos(Math.toRadians(40));
  static final String NO_DATA = "#d9d9d9"; // grey: a colour neither scale uses
  static final String FLAGGED = "#f7f7f7"; // near white: no colour claims a value for it

  private HeatMap() {}

  /** Tokenizers as rows, languages as columns (flattened over {@code groups}); the key under the grid. */
  static String render(String id, List<String> tokenizers, List<ColumnGroup> groups, Grid grid, ColourScale scale,
      DoubleFunction<String> fmt) {
    return render(id, tokenizers, groups, grid, scale, fmt, true);
  }

  /**
   * As {@link #render(String, List, List, Grid, ColourScale, DoubleFunction)}; {@code languageColumns} false for
   * columns that are not languages (e.g. perturbations): named as they are, and not keyed for the language filter.
   */
  static String render(String id, List<String> tokenizers, List<ColumnGroup> groups, Grid grid, ColourScale scale,
      DoubleFunction<String> fmt, boolean languageColumns) {
    List<String> cols = groups.stream().flatMap(g -> g.columns().stream()).toList();
    double left = 20;
    for (String r : tokenizers) {
      left = Math.max(left, Svg.textWidth(r) + 14);
    }
    double top = 74;
    double width = Math.max(left + Math.max(cols.size() * CELL_W, scale.width()) + 20, 420);
    double height = top + tokenizers.size() * CELL_H + 46;
    Svg svg = new Svg(id, width, height, true);
    int c = 0;
    for (ColumnGroup g : groups) {
      double gx = left + c * CELL_W;
      svg.text(gx + 2, 14, g.label(), "start", "group");
      svg.line(gx + 1, 18, gx + g.columns().size() * CELL_W - 1, 18, "#999999", 0.8, null);
      for (String col : g.columns()) {
        svg.text(left + c * CELL_W + CELL_W / 2, top - 6, col, "start", "tick", null, -40,
            languageColumns ? Svg.Key.lang(col) : null);
        c++;
      }
    }
    for (int r = 0; r < tokenizers.size(); r++) {
      String tk = tokenizers.get(r);
      double y = top + r * CELL_H;
      svg.text(left - 6, y + CELL_H / 2 + 4, tk, "end", "label", null, 0, Svg.Key.tk(tk));
      for (int j = 0; j < cols.size(); j++) {
        String col = cols.get(j);
        Svg.Key key = new Svg.Key(tk, languageColumns ? col : null);
        double v = grid.values()[r][j];
        double x = left + j * CELL_W;
        String where = tk + " · " + (languageColumns ? Languages.label(col) : col) + ": ";
        if (Double.isNaN(v)) {
          svg.rect(x, y, CELL_W - 1, CELL_H - 1, "#eeeeee", "empty", where + "no data", key);
        } else if (grid.flagged(r, j)) {
          svg.rect(x, y, CELL_W - 1, CELL_H - 1, FLAGGED, "mark flagged", where + fmt.apply(v) + grid.note(r, j)
              + " (" + grid.flags()[r][j] + ": left out of the colour scale)", key);
          svg.text(x + CELL_W / 2, y + CELL_H / 2 + 4, fmt.apply(v) + UnknownTokens.MARK, "middle", "cell", "#777777",
              0, key);
        } else {
          int clip = scale.clip(v);
          svg.rect(x, y, CELL_W - 1, CELL_H - 1, scale.fill(v), "mark", where + fmt.apply(v) + grid.note(r, j)
              + clipNote(clip), key);
          svg.text(x + CELL_W / 2, y + CELL_H / 2 + 4, fmt.apply(v) + clipGlyph(clip), "middle", "cell",
              scale.textOn(v), 0, key);
        }
      }
    }
    scale.draw(svg, left, top + tokenizers.size() * CELL_H + 14);
    return svg.render(scale.label());
  }

  /**
   * Languages as rows (over {@code groups}, in order), tokenizers as columns; the key on top, the tokenizer
   * names above and (for a long grid) below the cells; each cell's tooltip reads "language · tokenizer: value".
   */
  static String renderRows(String id, List<RowGroup> groups, List<String> tokenizers, Grid grid,
      ColourScale scale, DoubleFunction<String> fmt) {
    boolean missing = grid.any(false, true);
    boolean flagged = grid.any(true, false);
    int rows = groups.stream().mapToInt(g -> g.rows().size()).sum();
    double gutter = 0;
    double labelW = 20;
    for (RowGroup g : groups) {
      gutter = Math.max(gutter, Svg.textWidth(g.label()) * 1.1 + 12); // group labels are bold
      for (String r : g.rows()) {
        labelW = Math.max(labelW, Svg.textWidth(r) + 10);
      }
    }
    double colText = 0;
    for (String c : tokenizers) {
      colText = Math.max(colText, Svg.textWidth(c));
    }
    double colLabelH = colText * SIN40 + 14;
    double left = gutter + labelW;
    double keyW = scale.width() + (missing ? 90 : 0) + (flagged ? 190 : 0);
    double top = 6 + scale.height() + colLabelH;
    double gridH = rows * ROW_H + Math.max(0, groups.size() - 1) * GROUP_GAP;
    boolean labelsBelow = rows > 40; // a long grid repeats the column names under it
    double height = top + gridH + (labelsBelow ? colLabelH : 0) + 8;
    double width = Math.max(Math.max(left + tokenizers.size() * COL_W + colText * COS40 + 8, keyW + 8), 420);
    Svg svg = new Svg(id, width, height, true);
    scale.draw(svg, 4, 6);
    double kx = 4 + scale.width() + 18;
    if (missing) {
      svg.rect(kx, 6, 14, 14, NO_DATA, "swatch", null);
      svg.text(kx + 18, 17, "no data", "start", "legend");
      kx += 90;
    }
    if (flagged) {
      svg.rect(kx, 6, 14, 14, FLAGGED, "swatch", null);
      svg.text(kx + 18, 17, UnknownTokens.MARK + " unknown tokens > " + Html.pct(UnknownTokens.MAX_RATE, 0), "start",
          "legend");
    }
    for (int j = 0; j < tokenizers.size(); j++) {
      double cx = left + j * COL_W + COL_W / 2;
      Svg.Key key = Svg.Key.tk(tokenizers.get(j));
      svg.text(cx, top - 6, tokenizers.get(j), "start", "tick", null, -40, key);
      if (labelsBelow) {
        svg.text(cx, top + gridH + 12, tokenizers.get(j), "start", "tick", null, 40, key);
      }
    }
    double y = top;
    int r = 0;
    for (RowGroup g : groups) {
      double gh = g.rows().size() * ROW_H;
      svg.text(4, y + ROW_H / 2 + 4, g.label(), "start", "group");
      svg.line(gutter - 4, y + 1, gutter - 4, y + gh - 1, "#4e79a7", 1.5, null);
      for (String lang : g.rows()) {
        svg.text(left - 5, y + ROW_H / 2 + 4, lang, "end", "tick", null, 0, Svg.Key.lang(lang));
        for (int j = 0; j < tokenizers.size(); j++) {
          cell(svg, grid, r, j, left + j * COL_W, y, lang, tokenizers.get(j), scale, fmt);
        }
        y += ROW_H;
        r++;
      }
      y += GROUP_GAP;
    }
    return svg.render(scale.label());
  }

  private static void cell(Svg svg, Grid grid, int r, int j, double x, double y, String lang, String tk,
      ColourScale scale, DoubleFunction<String> fmt) {
    double v = grid.values()[r][j];
    Svg.Key key = new Svg.Key(tk, lang);
    String where = Languages.label(lang) + " · " + tk + ": ";
    if (Double.isNaN(v)) {
      svg.rect(x, y, COL_W - 1, ROW_H - 1, NO_DATA, "empty", where + "no data", key);
    } else if (grid.flagged(r, j)) {
      svg.rect(x, y, COL_W - 1, ROW_H - 1, FLAGGED, "mark flagged", where + fmt.apply(v) + " ("
          + grid.flags()[r][j] + ": left out of the colour scale)", key);
      svg.text(x + COL_W / 2, y + ROW_H - 3, UnknownTokens.MARK, "middle", "glyph", "#777777", 0, key);
    } else {
      int clip = scale.clip(v);
      svg.rect(x, y, COL_W - 1, ROW_H - 1, scale.fill(v), "mark", where + fmt.apply(v) + clipNote(clip), key);
      if (clip != 0) {
        svg.text(x + COL_W / 2, y + ROW_H - 3, clipGlyph(clip), "middle", "glyph", scale.textOn(v), 0, key);
      }
    }
  }

  private static String clipGlyph(int clip) {
    return clip > 0 ? "▲" : clip < 0 ? "▼" : "";
  }

  private static String clipNote(int clip) {
    return clip > 0 ? " (▲ above the colour scale)" : clip < 0 ? " (▼ below the colour scale)" : "";
  }
}
