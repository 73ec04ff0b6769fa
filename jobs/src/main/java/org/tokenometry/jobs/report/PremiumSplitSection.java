package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tables.CompressionRow;

/**
 * The token premium split into byte premium x tokenizer premium, per parallel corpus and tokenizer (chosen with a
 * selector): bars with 95 % intervals for every language of a small corpus, for the most expensive
 * {@value LanguageGrids#FEW_LANGUAGES} of a large one (FLORES-200's 204 would make a chart 4,540 px tall), and a
 * sortable table of every language.
 */
final class PremiumSplitSection implements Section {
  static final String NO_SPLIT = "no byte premiums in the compression table (written before the premium split: "
      + "rerun the tokenize stage)";

  @Override
  public String id() {
    return "split";
  }

  @Override
  public String title() {
    return "Premium split";
  }

  @Override
  public String skipReason(ReportData data) {
    String premium = new PremiumSection().skipReason(data);
    if (premium != null) {
      return premium;
    }
    return splits(data).isEmpty() ? NO_SPLIT : null;
  }

  /** Rows with a premium and its byte premium. */
  static List<CompressionRow> splits(ReportData data) {
    return PremiumSection.premiums(data).stream().filter(r -> r.bytePremium() != null && r.bytePremium() > 0)
        .toList();
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    List<CompressionRow> rows = splits(data);
    List<String> corpora = LanguageGrids.distinct(rows, CompressionRow::corpus);
    List<String> tks = ctx.present(rows.stream().map(CompressionRow::tokenizer).toList());
    UnknownTokens unk = ctx.unknown();
    StringBuilder views = new StringBuilder(Selectors.controls(List.of(
        new Selectors.Choice("corpus", "corpus", corpora), new Selectors.Choice("tokenizer", "tokenizer", tks))));
    List<String> flagged = new ArrayList<>();
    boolean truncated = false;
    boolean first = true;
    for (String corpus : corpora) {
      List<CompressionRow> cr = rows.stream().filter(r -> corpus.equals(r.corpus())).toList();
      for (String tk : ctx.present(cr.stream().map(CompressionRow::tokenizer).toList())) {
        Map<String, CompressionRow> byLang = new LinkedHashMap<>();
        cr.stream().filter(r -> tk.equals(r.tokenizer())).forEach(r -> byLang.putIfAbsent(r.lang(), r));
        List<SplitBarChart.Row> all = byLang.values().stream().map(r -> row(r, PremiumSection.flag(unk, tk, corpus,
            r.lang()))).sorted(Comparator.comparingDouble(SplitBarChart.Row::premium).reversed()
            .thenComparing(SplitBarChart.Row::lang)).toList();
        all.stream().filter(r -> r.flag() != null).findAny().ifPresent(r -> {
          if (!flagged.contains(tk)) {
            flagged.add(tk);
          }
        });
        List<SplitBarChart.Row> shown = all;
        if (all.size() > LanguageGrids.FEW_LANGUAGES) {
          shown = all.stream().filter(r -> r.flag() == null).limit(LanguageGrids.FEW_LANGUAGES).toList();
          truncated = true;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("corpus", corpus);
        values.put("tokenizer", tk);
        views.append(Selectors.view(values, first)).append("<h4>").append(Html.esc(corpus + " · " + tk))
            .append(shown.size() < all.size() ? ": the " + shown.size() + " most expensive of " + all.size()
                + " languages" : "").append("</h4>")
            .append(SplitBarChart.render("split-" + corpus + "-" + tk, tk, ctx.colour(tk), shown)).append("</div>");
        first = false;
      }
    }
    List<Legend.Entry> legend = new ArrayList<>();
    legend.add(new Legend.Entry("byte premium", SplitBarChart.BYTE_COLOUR, null, null, null));
    tks.forEach(tk -> legend.add(new Legend.Entry("tokenizer premium: " + tk, ctx.colour(tk), null,
        flagged.contains(tk) ? UnknownTokens.MARK : null, Svg.Key.tk(tk))));
    legend.add(new Legend.Entry("95 % interval", SplitBarChart.WHISKER, "", null, null));
    SectionBody out = new SectionBody().figure("Token premium = byte premium × tokenizer premium", "Byte premium: "
            + "UTF-8 bytes "
            + "of a language's text over the pivot's, for the same sentences: what the script and the translation "
            + "cost before any tokenizer, the same for every tokenizer. Tokenizer premium: the premium over the byte "
            + "premium, i.e. tokens per byte against the pivot's: what the tokenizer adds (1 for utf8_bytes). "
            + "Languages by premium, most expensive first" + (truncated ? "; in corpora of more than "
            + LanguageGrids.FEW_LANGUAGES + " languages the " + LanguageGrids.FEW_LANGUAGES + " most expensive "
            + "unflagged ones" : "") + "; every language in the table below. Whiskers: 95 % bootstrap intervals "
            + "over sentences (none where the premium needed a join).", "compression",
        views.toString(), Legend.render(null, legend), UnknownTokens.note(ctx.present(flagged),
            "their bars are pale, and they are not among the most expensive languages charted"));
    for (String corpus : corpora) {
      out.html(table(corpus, rows.stream().filter(r -> corpus.equals(r.corpus())).toList(), ctx, corpora.size() > 1));
    }
    return out.toString();
  }

  static SplitBarChart.Row row(CompressionRow r, String flag) {
    double tokenizer = r.tokenizerPremium() != null ? r.tokenizerPremium() : r.premium() / r.bytePremium();
    return new SplitBarChart.Row(r.lang(), r.bytePremium(), nan(r.bytePremiumCiLow()), nan(r.bytePremiumCiHigh()),
        tokenizer, nan(r.tokenizerPremiumCiLow()), nan(r.tokenizerPremiumCiHigh()), r.premium(),
        nan(r.premiumCiLow()), nan(r.premiumCiHigh()), flag);
  }

  private static double nan(Double v) {
    return v == null ? Double.NaN : v;
  }

  /**
   * Every language of a corpus: its byte premium (the same for every tokenizer) and each tokenizer's premium over
   * it, a column per tokenizer (the filter hides it); the premiums themselves are in the premium table.
   */
  private static String table(String corpus, List<CompressionRow> rows, ReportContext ctx, boolean named) {
    List<String> tks = ctx.present(rows.stream().map(CompressionRow::tokenizer).toList());
    Map<String, CompressionRow> at = new LinkedHashMap<>();
    rows.forEach(r -> at.putIfAbsent(r.tokenizer() + "\u0000" + r.lang(), r));
    Map<String, CompressionRow> byLang = new LinkedHashMap<>();
    rows.forEach(r -> byLang.putIfAbsent(r.lang(), r));
    SortableTable t = new SortableTable("split-table-" + corpus, List.of("language", "name", "script",
        "byte premium", "95 % CI"), tks);
    for (String lang : LanguageGrids.langs(byLang.keySet())) {
      SplitBarChart.Row b = row(byLang.get(lang), null);
      List<SortableTable.Cell> cells = new ArrayList<>(List.of(SortableTable.text(lang),
          SortableTable.text(Languages.name(lang)), SortableTable.text(Languages.script(lang)),
          SortableTable.num(b.bytePremium(), Html.num(b.bytePremium(), 2)), interval(b.byteLow(), b.byteHigh())));
      for (String tk : tks) {
        CompressionRow r = at.get(tk + "\u0000" + lang);
        Double v = r == null ? null : row(r, null).tokenizerPremium();
        cells.add(SortableTable.num(v, Html.num(v, 2)).flagged(r == null ? null
            : PremiumSection.flag(ctx.unknown(), tk, corpus, lang)));
      }
      t.row(Svg.Key.lang(lang), cells);
    }
    return "<h3>Byte and tokenizer premiums" + (named ? ": " + Html.esc(corpus) : "") + "</h3><p class=\"explain\">"
        + "Each language's byte premium with its 95 % interval, then each tokenizer's premium over it (the tokenizer "
        + "premium); the premiums themselves are in the token premium table.</p>" + t.render();
  }

  /** "1.55–1.65", sorted by its width; "–" without an interval. */
  private static SortableTable.Cell interval(double low, double high) {
    boolean none = Double.isNaN(low) || Double.isNaN(high);
    return SortableTable.num(none ? null : high - low, none ? "–" : Html.num(low, 2) + "–" + Html.num(high, 2));
  }
}
