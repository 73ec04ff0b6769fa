package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.metrics.GeneratedNumbers;
import org.tokenometry.udfs.metrics.NumberStats;
import org.tokenometry.udfs.tables.NumbersRow;

/**
 * Numbers: how well each tokenizer's cuts of digit runs match the three-digit groups (boundary F1, bars per number
 * set), how long its digit pieces are (1, 2, 3, 4+ digits stacked, one number set at a time), and every row.
 */
final class NumbersSection implements Section {
  /** The number sets in the README's order: the corpora's own numbers, then the generated ones. */
  static final List<String> SETS = List.of(NumberStats.CORPUS, GeneratedNumbers.INTEGERS, GeneratedNumbers.GROUPED,
      GeneratedNumbers.DECIMALS);
  static final List<String> PIECES = List.of("1 digit", "2 digits", "3 digits", "4+ digits");

  @Override
  public String id() {
    return "numbers";
  }

  @Override
  public String title() {
    return "Numbers";
  }

  @Override
  public String skipReason(ReportData data) {
    String why = Section.missingTokenizeTable(data, NumbersRow.TABLE);
    if (why != null) {
      return why;
    }
    return data.numbers().isEmpty() ? "the numbers table is empty" : null;
  }

  /** The number sets of the rows, in {@link #SETS} order; others after them, sorted. */
  static List<String> sets(List<NumbersRow> rows) {
    List<String> found = LanguageGrids.distinct(rows, NumbersRow::numberSet);
    List<String> out = new ArrayList<>(SETS.stream().filter(found::contains).toList());
    found.stream().filter(s -> !out.contains(s)).forEach(out::add);
    return out;
  }

  static String name(String set) {
    return set.equals(NumberStats.CORPUS) ? "the corpora's numbers" : set.replace('_', ' ');
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    List<NumbersRow> rows = data.numbers();
    List<String> tks = ctx.present(rows.stream().map(NumbersRow::tokenizer).toList());
    List<String> sets = sets(rows);
    List<BarChart.Item> items = new ArrayList<>();
    for (String set : sets) {
      List<BarChart.Bar> bars = new ArrayList<>();
      for (String tk : tks) {
        NumbersRow r = find(rows, tk, set);
        bars.add(new BarChart.Bar(tk, r == null ? Double.NaN : PremiumSection.orNaN(r.boundaryF1()), ctx.colour(tk),
            null, Svg.Key.tk(tk), r == null ? null : "precision " + Html.num(r.boundaryPrecision(), 2) + ", recall "
                + Html.num(r.boundaryRecall(), 2) + ", " + Html.count(r.runs()) + " numbers"));
      }
      items.add(new BarChart.Item(name(set), bars, null));
    }
    out.figure("Digit-group F1", "How well the cuts inside a run of digits fall on the three-digit groups counted "
            + "from the right (1|234|567): F1 of the cut positions against those, over every run (1 = every cut on "
            + "a group and every group cut). A digit run ends at any non-digit, so 1,234.5 is three runs. "
            + "Generated sets: integers of 1 to 12 digits written plainly, with thousands commas, and with a "
            + "fraction.", NumbersRow.TABLE, BarChart.render("numbers-f1", List.of(new BarChart.Group(null, items)),
            "digit-group F1 (dashed: 1, every cut on a group)", 1.0, v -> Html.num(v, 2)),
        Legend.tokenizers(tks, ctx, List.of()));
    List<String> colours = new ArrayList<>();
    for (int i = 0; i < PIECES.size(); i++) {
      colours.add(Palette.category(i));
    }
    StringBuilder views = new StringBuilder(Selectors.controls(List.of(new Selectors.Choice("numberset", "number set",
        sets, sets.stream().map(NumbersSection::name).toList()))));
    for (int i = 0; i < sets.size(); i++) {
      String set = sets.get(i);
      List<StackedBarChart.Row> bars = new ArrayList<>();
      for (String tk : tks) {
        NumbersRow r = find(rows, tk, set);
        if (r != null) {
          bars.add(new StackedBarChart.Row(tk, new double[] {zero(r.oneDigitShare()), zero(r.twoDigitShare()),
              zero(r.threeDigitShare()), zero(r.fourPlusDigitShare())}, Svg.Key.tk(tk)));
        }
      }
      views.append(Selectors.view(Map.of("numberset", set), i == 0)).append(StackedBarChart.render(
          "numbers-pieces-" + set, PIECES, colours, bars, "share of digit pieces")).append("</div>");
    }
    List<Legend.Entry> legend = new ArrayList<>();
    for (int i = 0; i < PIECES.size(); i++) {
      legend.add(new Legend.Entry(PIECES.get(i), colours.get(i), null, null, null));
    }
    out.figure("Digit pieces by length", "The pieces a tokenizer cuts digit runs into, by their number of digits: "
            + "three-digit pieces can follow the groups, single digits never merge, long pieces hide the place "
            + "values.", NumbersRow.TABLE, views.toString(), Legend.render(null, legend));
    out.html(table(rows, tks, sets));
    return out.toString();
  }

  /** A share of a row without pieces (null) draws nothing. */
  private static double zero(Double v) {
    return v == null ? 0 : v;
  }

  private static NumbersRow find(List<NumbersRow> rows, String tk, String set) {
    return rows.stream().filter(r -> tk.equals(r.tokenizer()) && set.equals(r.numberSet())).findFirst()
        .orElse(null);
  }

  private static String table(List<NumbersRow> rows, List<String> tks, List<String> sets) {
    SortableTable t = new SortableTable("numbers-table", List.of("tokenizer", "number set", "numbers", "digits",
        "pieces", "1 digit", "2 digits", "3 digits", "4+ digits", "split entropy (bits)", "precision", "recall",
        "F1"));
    for (NumbersRow r : rows.stream().sorted(Comparator.comparing((NumbersRow x) -> tks.indexOf(x.tokenizer()))
        .thenComparing(x -> sets.indexOf(x.numberSet()))).toList()) {
      t.row(Svg.Key.tk(r.tokenizer()), List.of(SortableTable.text(r.tokenizer()), SortableTable.text(r.numberSet()),
          SortableTable.count(r.runs()), SortableTable.count(r.digits()), SortableTable.count(r.pieces()),
          pct(r.oneDigitShare()), pct(r.twoDigitShare()), pct(r.threeDigitShare()), pct(r.fourPlusDigitShare()),
          SortableTable.num(r.splitEntropy(), Html.num(r.splitEntropy(), 3)),
          SortableTable.num(r.boundaryPrecision(), Html.num(r.boundaryPrecision(), 3)),
          SortableTable.num(r.boundaryRecall(), Html.num(r.boundaryRecall(), 3)),
          SortableTable.num(r.boundaryF1(), Html.num(r.boundaryF1(), 3))));
    }
    return "<p class=\"explain\">Split entropy: how much the cuts of runs of the same length vary with their digits "
        + "(0: always the same cuts). <a href=\"../numbers/\">numbers table</a></p>" + t.render();
  }

  private static SortableTable.Cell pct(Double v) {
    return SortableTable.num(v, Html.pct(v, 1));
  }
}
