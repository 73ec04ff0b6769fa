package org.tokenometry.jobs.report;

import java.util.Comparator;
import java.util.List;
import org.tokenometry.udfs.tables.CompressionRow;

/** Fertility against continued-word rate (one point per tokenizer x corpus x language), then every compression row. */
final class FertilitySection implements Section {
  @Override
  public String id() {
    return "fertility";
  }

  @Override
  public String title() {
    return "Fertility and continued words";
  }

  @Override
  public String skipReason(ReportData data) {
    if (data.missing().contains("compression")) {
      return Section.missingTokenizeTable(data, "compression");
    }
    return withWords(data).isEmpty() ? "no word counts in the compression table" : null;
  }

  private static List<CompressionRow> withWords(ReportData data) {
    return data.compression().stream().filter(r -> r.tokensPerWord() != null && r.continuedWordRate() != null)
        .toList();
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    List<CompressionRow> rows = withWords(data);
    UnknownTokens unk = ctx.unknown();
    List<String> tks = ctx.present(rows.stream().map(CompressionRow::tokenizer).toList());
    List<ScatterChart.Point> pts = rows.stream().map(r -> new ScatterChart.Point(r.tokenizer(),
        r.corpus() + "/" + Languages.label(r.lang()), r.tokensPerWord(), r.continuedWordRate(),
        ctx.colour(r.tokenizer()), PremiumSection.flag(unk, r.tokenizer(), r.corpus(), r.lang()),
        new Svg.Key(r.tokenizer(), r.lang()))).toList();
    List<String> flagged = unk.flaggedIn(null, tks);
    out.figure("Fertility against continued-word rate", "Fertility = tokens per ICU word; continued-word rate = "
            + "share of words split over two or more tokens. One point per tokenizer × corpus × language; "
            + "lower-left is better.", "compression",
        ScatterChart.render("fertility", pts, "tokens per word (fertility)", "continued-word rate",
            v -> Html.num(v, 1), v -> Html.pct(v, 0)),
        Legend.tokenizers(tks, ctx, flagged), UnknownTokens.note(flagged, "their points are hollow"));
    SortableTable t = new SortableTable("compression-table", List.of("tokenizer", "corpus", "domain", "language",
        "name", "docs", "bytes/token", "chars/token", "tokens/word", "continued", "single-token", "NSL", "premium",
        "Rényi eff.", "tokens/s"));
    for (CompressionRow r : data.compression().stream().sorted(Comparator.comparing((CompressionRow c) ->
        ctx.rank(c.tokenizer())).thenComparing(CompressionRow::corpus, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(CompressionRow::lang, Comparator.nullsFirst(Languages.BY_SCRIPT))).toList()) {
      String flag = PremiumSection.flag(unk, r.tokenizer(), r.corpus(), r.lang());
      t.row(new Svg.Key(r.tokenizer(), r.lang()), List.of(SortableTable.text(r.tokenizer()),
          SortableTable.text(r.corpus()), SortableTable.text(r.domain()), SortableTable.text(r.lang()),
          SortableTable.text(Languages.name(r.lang())), SortableTable.count(r.docs()),
          SortableTable.num(r.bytesPerToken(), Html.num(r.bytesPerToken(), 2)).flagged(flag),
          SortableTable.num(r.charsPerToken(), Html.num(r.charsPerToken(), 2)).flagged(flag),
          SortableTable.num(r.tokensPerWord(), Html.num(r.tokensPerWord(), 2)).flagged(flag),
          SortableTable.num(r.continuedWordRate(), Html.pct(r.continuedWordRate(), 1)),
          SortableTable.num(r.singleTokenWordRate(), Html.pct(r.singleTokenWordRate(), 1)),
          SortableTable.num(r.nsl(), Html.num(r.nsl(), 2)).flagged(flag),
          SortableTable.num(r.premium(), Html.num(r.premium(), 2)).flagged(r.premium() == null ? null : flag),
          SortableTable.num(r.renyiEfficiency(), Html.num(r.renyiEfficiency(), 3)),
          SortableTable.num(r.tokensPerSecond(), r.tokensPerSecond() == null ? "–"
              : Html.count(Math.round(r.tokensPerSecond())))));
    }
    out.caption("Every row of the compression table; click a column to sort.", "compression");
    out.html(t.render());
    return out.toString();
  }
}
