package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tables.VocabProfileRow;

/** Each tokenizer's vocabulary by script and by token category (from tokenizer.json alone), and the table. */
final class VocabularySection implements Section {
  /** Scripts shown on their own; the rest fold into "other scripts". */
  static final int MAX_SCRIPTS = 8;

  @Override
  public String id() {
    return "vocab";
  }

  @Override
  public String title() {
    return "Vocabulary profiles";
  }

  @Override
  public String skipReason(ReportData data) {
    if (data.missing().contains("vocab_profile")) {
      return Section.missingTokenizeTable(data, "vocab_profile");
    }
    return data.vocabProfile().isEmpty() ? "no tokenizer files in this run (baselines have no vocabulary)" : null;
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    List<VocabProfileRow> rows = data.vocabProfile();
    List<String> tks = ctx.present(rows.stream().map(VocabProfileRow::tokenizer).toList());
    // scripts with the largest total share first; the long tail folds into "other"
    Map<String, Double> byScript = new LinkedHashMap<>();
    rows.forEach(v -> byScript.merge(v.script(), v.share(), Double::sum));
    List<String> scripts = byScript.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue()
        .reversed().thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).limit(MAX_SCRIPTS).toList();
    List<String> segs = new ArrayList<>(scripts.stream().map(Languages::scriptLabel).toList());
    if (byScript.size() > scripts.size()) {
      segs.add("other scripts");
    }
    chart(out, "Vocabulary by script", "Share of each tokenizer's vocabulary whose letters belong to a script (from "
        + "tokenizer.json alone).", "vocab-script", segs, tks, rows, v -> {
          int i = scripts.indexOf(v.script());
          return i >= 0 ? i : segs.size() - 1;
        });
    List<String> cats = LanguageGrids.distinct(rows, VocabProfileRow::category);
    chart(out, "Vocabulary by token category", "Qtok categories: word-initial (space marker), inner, single "
        + "characters, bytes, partial UTF-8, control.", "vocab-category", cats, tks, rows,
        v -> cats.indexOf(v.category()));
    SortableTable t = new SortableTable("vocab-table", List.of("tokenizer", "category", "script", "tokens",
        "share"));
    for (VocabProfileRow v : rows.stream().sorted(Comparator.comparing((VocabProfileRow x) -> ctx.rank(x.tokenizer())))
        .toList()) {
      t.row(Svg.Key.tk(v.tokenizer()), List.of(SortableTable.text(v.tokenizer()), SortableTable.text(v.category()),
          SortableTable.text(v.script()), SortableTable.count(v.count()),
          SortableTable.num(v.share(), Html.pct(v.share(), 2))));
    }
    out.html(t.render());
    return out.toString();
  }

  private static void chart(SectionBody out, String heading, String explanation, String id, List<String> segs,
      List<String> tks, List<VocabProfileRow> rows, java.util.function.ToIntFunction<VocabProfileRow> segment) {
    List<String> colours = new ArrayList<>();
    for (int i = 0; i < segs.size(); i++) {
      colours.add(segs.get(i).equals("other scripts") ? Palette.other() : Palette.category(i));
    }
    List<StackedBarChart.Row> bars = new ArrayList<>();
    for (String tk : tks) {
      double[] shares = new double[segs.size()];
      rows.stream().filter(v -> tk.equals(v.tokenizer())).forEach(v -> shares[segment.applyAsInt(v)] += v.share());
      bars.add(new StackedBarChart.Row(tk, shares, Svg.Key.tk(tk)));
    }
    List<Legend.Entry> legend = new ArrayList<>();
    for (int i = 0; i < segs.size(); i++) {
      legend.add(new Legend.Entry(segs.get(i), colours.get(i), null, null, null));
    }
    out.figure(heading, explanation, "vocab_profile", StackedBarChart.render(id, segs, colours, bars,
        "share of vocabulary"), Legend.render(null, legend));
  }
}
