package org.tokenometry.jobs.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tables.CoverageRow;

/**
 * CoverageRow: split characters as a tokenizer x language heat map per multilingual corpus, where tokenizers emit
 * unknown tokens (the numbers the rest of the report marks), and every coverage row.
 */
final class CoverageSection implements Section {
  @Override
  public String id() {
    return "coverage";
  }

  @Override
  public String title() {
    return "Coverage";
  }

  @Override
  public String skipReason(ReportData data) {
    if (data.missing().contains("coverage")) {
      return Section.missingTokenizeTable(data, "coverage");
    }
    return data.coverage().isEmpty() ? "the coverage table is empty" : null;
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    UnknownTokens unk = ctx.unknown();
    List<String> corpora = LanguageGrids.distinct(data.coverage(), CoverageRow::corpus);
    for (String corpus : corpora) {
      List<CoverageRow> cr = data.coverage().stream().filter(r -> corpus.equals(r.corpus())).toList();
      List<String> langs = LanguageGrids.langs(cr.stream().map(CoverageRow::lang).toList());
      if (langs.size() < 2 && corpora.size() > 1) {
        continue; // a one-cell row per tokenizer says nothing a table row doesn't; the table below has it
      }
      List<String> tks = ctx.present(cr.stream().map(CoverageRow::tokenizer).toList());
      Map<String, CoverageRow> at = new LinkedHashMap<>();
      cr.forEach(r -> at.putIfAbsent(r.tokenizer() + "\u0000" + r.lang(), r));
      out.figure("Split characters: " + corpus, "Share of non-whitespace characters whose bytes were spread over "
              + "two or more tokens (byte-level BPE splitting a character; lower is better)."
              + (langs.size() > LanguageGrids.FEW_LANGUAGES ? " " + LanguageGrids.ROWS_BY_SCRIPT + "." : ""),
          "coverage", LanguageGrids.heat("split-" + corpus, tks, langs, (tk, lang) -> {
            CoverageRow c = at.get(tk + "\u0000" + lang);
            return c == null ? null : c.splitCharRate();
          }, (tk, lang) -> PremiumSection.flag(unk, tk, corpus, lang), "split-character rate", v -> Html.pct(v, 1)),
          null, UnknownTokens.note(unk.flaggedIn(corpus, tks), "their cells are grey and outside the colour scale"));
    }
    List<CoverageRow> unknown = data.coverage().stream()
        .filter(c -> c.unkRate() != null && c.unkRate() > UnknownTokens.MAX_RATE)
        .sorted(Comparator.comparingDouble(CoverageRow::unkRate).reversed()).toList();
    if (!unknown.isEmpty()) {
      out.heading("Unknown tokens above " + Html.pct(UnknownTokens.MAX_RATE, 0));
      out.caption("Where a tokenizer emitted its unknown id for more than " + Html.pct(UnknownTokens.MAX_RATE, 0)
          + " of the tokens. Its numbers there flatter it (one [UNK] can stand for a whole word), so the report "
          + "marks them " + UnknownTokens.MARK + ", leaves them out of colour scales and rankings, and the console "
          + "summary leaves them out of the best compression.", "coverage");
      SortableTable u = new SortableTable("unk-table", List.of("tokenizer", "corpus", "language", "name", "UNK"));
      unknown.forEach(c -> u.row(new Svg.Key(c.tokenizer(), c.lang()), List.of(SortableTable.text(c.tokenizer()),
          SortableTable.text(c.corpus()), SortableTable.text(c.lang()), SortableTable.text(Languages.name(c.lang())),
          SortableTable.num(c.unkRate(), Html.pct(c.unkRate(), 1)))));
      out.html(u.render());
    }
    SortableTable t = new SortableTable("coverage-table", List.of("tokenizer", "corpus", "language", "name", "UNK",
        "byte fallback", "split chars", "vocab size", "distinct tokens", "vocab utilization", "lexicon types",
        "lexicon tokens"));
    for (CoverageRow r : data.coverage().stream()
        .sorted(Comparator.comparing((CoverageRow c) -> ctx.rank(c.tokenizer()))
        .thenComparing(CoverageRow::corpus, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(CoverageRow::lang, Comparator.nullsFirst(Languages.BY_SCRIPT))).toList()) {
      t.row(new Svg.Key(r.tokenizer(), r.lang()), List.of(SortableTable.text(r.tokenizer()),
          SortableTable.text(r.corpus()), SortableTable.text(r.lang()), SortableTable.text(Languages.name(r.lang())),
          SortableTable.num(r.unkRate(), Html.pct(r.unkRate(), 2))
              .flagged(PremiumSection.flag(unk, r.tokenizer(), r.corpus(), r.lang())),
          SortableTable.num(r.byteFallbackRate(), Html.pct(r.byteFallbackRate(), 2)),
          SortableTable.num(r.splitCharRate(), Html.pct(r.splitCharRate(), 2)),
          SortableTable.count(r.vocabSize()), SortableTable.count(r.distinctTokens()),
          SortableTable.num(r.vocabUtilization(), Html.pct(r.vocabUtilization(), 2)),
          SortableTable.num(r.lexiconTypeRate(), Html.pct(r.lexiconTypeRate(), 1)),
          SortableTable.num(r.lexiconTokenRate(), Html.pct(r.lexiconTokenRate(), 1))));
    }
    out.caption("UNK = unknown-id tokens / tokens; byte fallback = <0xNN> tokens / tokens; vocab utilization = "
        + "distinct non-special ids emitted / vocabulary size.", "coverage");
    out.html(t.render());
    return out.toString();
  }
}
