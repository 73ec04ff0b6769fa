package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Tokenizer x language charts: languages in the page's order (Latin first, grouped by script), and the heat map
 * in the form that suits their number.
 */
final class LanguageGrids {
  /**
   * Up to this many languages a corpus's charts show each language on its own: premiums as grouped bars (the
   * sample's 9 languages, or a hand-picked set), since a bar's length reads more exactly than a colour, and
   * bytes per token and split characters as heat maps with a 46-px column per language and the value written
   * in each cell. Beyond it, all three become compact heat maps with a 13-px row per language grouped by script
   * and the tokenizers as columns: the bars ran to ~29,000 px for FLORES-200's 204 languages (6 + 9 px per
   * tokenizer, 15 tokenizers), the language columns to ~9,500 px. Two dozen is about where a reader stops
   * comparing languages one by one and looks for the pattern (which scripts are expensive for which tokenizer).
   */
  static final int FEW_LANGUAGES = 24;
  /** What a compact heat map's caption adds about its rows and values. */
  static final String ROWS_BY_SCRIPT = "Languages grouped by script (Latin first, then by script code), "
      + "alphabetical within a script; the value is in each cell's tooltip";

  private LanguageGrids() {}

  /** Distinct non-null languages in the page's order. */
  static List<String> langs(Collection<String> langs) {
    return langs.stream().filter(Objects::nonNull).distinct().sorted(Languages.BY_SCRIPT).toList();
  }

  /** Distinct non-null values of a column, sorted. */
  static <T> List<String> distinct(List<T> rows, Function<T, String> key) {
    return rows.stream().map(key).filter(Objects::nonNull).distinct().sorted().toList();
  }

  static Map<String, List<String>> byScript(List<String> sortedLangs) {
    Map<String, List<String>> g = new LinkedHashMap<>();
    sortedLangs.forEach(l -> g.computeIfAbsent(Languages.script(l), k -> new ArrayList<>()).add(l));
    return g;
  }

  /** Languages sorted by {@link #langs} as a compact heat map's row groups, named by script; same order. */
  static List<HeatMap.RowGroup> rowGroups(List<String> sortedLangs) {
    List<HeatMap.RowGroup> groups = new ArrayList<>();
    byScript(sortedLangs).forEach((s, ls) -> groups.add(new HeatMap.RowGroup(Languages.scriptLabel(s), ls)));
    return groups;
  }

  /** {@code value(row, column)} for every row and column; null = NaN (no data). */
  static double[][] values(List<String> rows, List<String> cols, BiFunction<String, String, Double> value) {
    double[][] v = new double[rows.size()][cols.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < cols.size(); c++) {
        Double x = value.apply(rows.get(r), cols.get(c));
        v[r][c] = x == null ? Double.NaN : x;
      }
    }
    return v;
  }

  /** {@code flag(row, column)} for every row and column (null = not flagged). */
  static String[][] flags(List<String> rows, List<String> cols, BiFunction<String, String, String> flag) {
    String[][] f = new String[rows.size()][cols.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < cols.size(); c++) {
        f[r][c] = flag.apply(rows.get(r), cols.get(c));
      }
    }
    return f;
  }

  /**
   * A tokenizer x language heat map on the robust linear ramp: languages as columns grouped under their script,
   * the value in each cell, for a few languages; beyond {@link #FEW_LANGUAGES}, a row per language grouped by
   * script and a column per tokenizer (as the premium map). {@code value} and {@code flag} take (tokenizer,
   * language).
   */
  static String heat(String id, List<String> tks, List<String> langs, BiFunction<String, String, Double> value,
      BiFunction<String, String, String> flag, String label, DoubleFunction<String> fmt) {
    if (langs.size() > FEW_LANGUAGES) {
      HeatMap.Grid grid = new HeatMap.Grid(values(langs, tks, (l, tk) -> value.apply(tk, l)),
          flags(langs, tks, (l, tk) -> flag.apply(tk, l)));
      return HeatMap.renderRows(id, rowGroups(langs), tks, grid,
          LinearScale.over(grid.values(), grid.excluded(), label, fmt), fmt);
    }
    List<HeatMap.ColumnGroup> groups = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    byScript(langs).forEach((script, ls) -> {
      groups.add(new HeatMap.ColumnGroup(script, ls));
      cols.addAll(ls);
    });
    HeatMap.Grid grid = new HeatMap.Grid(values(tks, cols, value), flags(tks, cols, flag));
    return HeatMap.render(id, tks, groups, grid, LinearScale.over(grid.values(), grid.excluded(), label, fmt), fmt);
  }
}
