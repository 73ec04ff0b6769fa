package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tables.CompressionRow;

/**
 * Token premium per language and tokenizer, per parallel corpus: grouped bars for a few languages, a compact heat
 * map on the ratio scale for many; then a sortable table with every number and the language's name.
 */
final class PremiumSection implements Section {
  static final String FLAGGED_CELLS = "their cells are grey and outside the colour scale, and they are left out of "
      + "the ranking below";
  static final String FLAGGED_BARS = "their bars are pale, and they are left out of the ranking below";

  @Override
  public String id() {
    return "premium";
  }

  @Override
  public String title() {
    return "Token premium";
  }

  @Override
  public String skipReason(ReportData data) {
    if (data.missing().contains("compression")) {
      return Section.missingTokenizeTable(data, "compression");
    }
    return premiums(data).isEmpty() ? NO_PARALLEL : null;
  }

  static List<CompressionRow> premiums(ReportData data) {
    return data.compression().stream().filter(r -> r.premium() != null).toList();
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    List<CompressionRow> rows = premiums(data);
    for (String corpus : LanguageGrids.distinct(rows, CompressionRow::corpus)) {
      List<CompressionRow> cr = rows.stream().filter(r -> corpus.equals(r.corpus())).toList();
      List<String> langs = LanguageGrids.langs(cr.stream().map(CompressionRow::lang).toList());
      List<String> tks = ctx.present(cr.stream().map(CompressionRow::tokenizer).toList());
      Map<String, Double> premium = new HashMap<>();
      cr.forEach(r -> premium.putIfAbsent(r.tokenizer() + "\u0000" + r.lang(), r.premium()));
      UnknownTokens unk = ctx.unknown();
      List<String> flagged = unk.flaggedIn(corpus, tks);
      String heading = "Token premium per language: " + corpus;
      if (langs.size() > LanguageGrids.FEW_LANGUAGES) {
        HeatMap.Grid grid = new HeatMap.Grid(
            LanguageGrids.values(langs, tks, (l, tk) -> premium.get(tk + "\u0000" + l)),
            LanguageGrids.flags(langs, tks, (l, tk) -> flag(unk, tk, corpus, l)));
        out.figure(heading, "Tokens a language needs for the same content as the pivot language, from the parallel "
                + "sentences both contain. Colour on a log scale: pale yellow = parity (1.0); each step through "
                + "orange to dark red doubles it (2, 4, 8, 16 ×); blue = fewer tokens than the pivot. "
                + LanguageGrids.ROWS_BY_SCRIPT + " and in the table below.", "compression",
            HeatMap.renderRows("premium-" + corpus, LanguageGrids.rowGroups(langs), tks, grid,
                RatioScale.over(grid.values(), grid.excluded(), "token premium (× pivot)"), v -> Html.num(v, 2)),
            null, UnknownTokens.note(flagged, FLAGGED_CELLS));
      } else {
        List<BarChart.Group> groups = new ArrayList<>();
        LanguageGrids.byScript(langs).forEach((script, ls) -> groups.add(new BarChart.Group(
            Languages.scriptLabel(script), ls.stream().map(l -> new BarChart.Item(Languages.shortLabel(l),
                tks.stream().map(tk -> new BarChart.Bar(tk, orNaN(premium.get(tk + "\u0000" + l)), ctx.colour(tk),
                    flag(unk, tk, corpus, l), new Svg.Key(tk, l))).toList(), Svg.Key.lang(l))).toList())));
        out.figure(heading, "Tokens a language needs for the same content as the pivot language (1.0 = parity, "
                + "dashed line; 2.0 = twice as many tokens), from the parallel sentences both contain.", "compression",
            BarChart.render("premium-" + corpus, groups, "token premium (× pivot)", 1.0, v -> Html.num(v, 2)),
            Legend.tokenizers(tks, ctx, flagged), UnknownTokens.note(flagged, FLAGGED_BARS));
      }
      SortableTable t = new SortableTable("premium-table-" + corpus, List.of("language", "name", "script"), tks);
      for (String lang : langs) {
        List<SortableTable.Cell> cells = new ArrayList<>(List.of(SortableTable.text(lang),
            SortableTable.text(Languages.name(lang)), SortableTable.text(Languages.script(lang))));
        for (String tk : tks) {
          Double p = premium.get(tk + "\u0000" + lang);
          cells.add(SortableTable.num(p, Html.num(p, 2)).flagged(p == null ? null : flag(unk, tk, corpus, lang)));
        }
        t.row(Svg.Key.lang(lang), cells);
      }
      out.html(t.render());
    }
    return out.toString();
  }

  /** Why a tokenizer's number on a language is flagged, or null. */
  static String flag(UnknownTokens unk, String tk, String corpus, String lang) {
    return unk.flagged(tk, corpus, lang) ? UnknownTokens.why(unk.rate(tk, corpus, lang)) : null;
  }

  static double orNaN(Double v) {
    return v == null ? Double.NaN : v;
  }
}
