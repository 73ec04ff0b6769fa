package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tables.CompressionRow;

/**
 * Bytes per token: a tokenizer x language heat map per multilingual corpus and bars per domain. Bytes and tokens
 * are summed before dividing, so the ratio over domains or languages stays exact.
 */
final class BytesPerTokenSection implements Section {
  @Override
  public String id() {
    return "compression";
  }

  @Override
  public String title() {
    return "Bytes per token";
  }

  @Override
  public String skipReason(ReportData data) {
    if (data.missing().contains("compression")) {
      return Section.missingTokenizeTable(data, "compression");
    }
    return data.compression().isEmpty() ? "the compression table is empty" : null;
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    boolean singleLanguageCorpus = false;
    for (String corpus : LanguageGrids.distinct(data.compression(), CompressionRow::corpus)) {
      List<CompressionRow> cr = data.compression().stream().filter(r -> corpus.equals(r.corpus())).toList();
      List<String> langs = LanguageGrids.langs(cr.stream().map(CompressionRow::lang).toList());
      if (langs.size() < 2) {
        singleLanguageCorpus = true; // domain corpora are compared in the by-domain chart below
        continue;
      }
      List<String> tks = ctx.present(cr.stream().map(CompressionRow::tokenizer).toList());
      Map<String, long[]> sums = new LinkedHashMap<>();
      for (CompressionRow r : cr) {
        long[] s = sums.computeIfAbsent(r.tokenizer() + "\u0000" + r.lang(), k -> new long[2]);
        s[0] += r.bytes();
        s[1] += r.tokens();
      }
      UnknownTokens unk = ctx.unknown();
      out.figure("Bytes per token: " + corpus, "UTF-8 bytes of text per token (higher = the tokenizer compresses "
              + "this language better)." + (langs.size() > LanguageGrids.FEW_LANGUAGES
                  ? " " + LanguageGrids.ROWS_BY_SCRIPT + "." : ""), "compression",
          LanguageGrids.heat("bpt-" + corpus, tks, langs, (tk, lang) -> {
            long[] s = sums.get(tk + "\u0000" + lang);
            return s == null || s[1] == 0 ? null : (double) s[0] / s[1];
          }, (tk, lang) -> PremiumSection.flag(unk, tk, corpus, lang), "bytes/token", v -> Html.num(v, 2)), null,
          UnknownTokens.note(unk.flaggedIn(corpus, tks), "their cells are grey and outside the colour scale"));
    }
    List<String> domains = LanguageGrids.distinct(data.compression(), CompressionRow::domain);
    if (domains.size() > 1 || singleLanguageCorpus) {
      byDomain(data.compression(), domains, ctx, out);
    }
    return out.toString();
  }

  /** Bars per domain, one per tokenizer in its colour; a tokenizer over the unknown-token limit there is pale. */
  private static void byDomain(List<CompressionRow> rows, List<String> domains, ReportContext ctx, SectionBody out) {
    List<String> tks = ctx.present(rows.stream().map(CompressionRow::tokenizer).toList());
    List<BarChart.Item> items = new ArrayList<>();
    List<String> flagged = new ArrayList<>();
    for (String d : domains) {
      List<BarChart.Bar> bars = new ArrayList<>();
      for (String tk : tks) {
        List<CompressionRow> mine = rows.stream().filter(r -> tk.equals(r.tokenizer()) && d.equals(r.domain()))
            .toList();
        long bytes = mine.stream().mapToLong(CompressionRow::bytes).sum();
        long tokens = mine.stream().mapToLong(CompressionRow::tokens).sum();
        String flag = ctx.unknown().flagged(mine) ? UnknownTokens.why(ctx.unknown().rate(mine)) : null;
        if (flag != null && !flagged.contains(tk)) {
          flagged.add(tk);
        }
        bars.add(new BarChart.Bar(tk, tokens == 0 ? Double.NaN : (double) bytes / tokens, ctx.colour(tk), flag,
            Svg.Key.tk(tk)));
      }
      items.add(new BarChart.Item(d, bars, null));
    }
    out.figure("Bytes per token by domain", "UTF-8 bytes per token over all documents of a domain (higher = better "
            + "compression of that domain).", "compression",
        BarChart.render("bpt-domain", List.of(new BarChart.Group(null, items)), "bytes per token", Double.NaN,
            v -> Html.num(v, 2)),
        Legend.tokenizers(tks, ctx, ctx.present(flagged)), UnknownTokens.note(ctx.present(flagged),
            "their bars are pale"));
  }
}
