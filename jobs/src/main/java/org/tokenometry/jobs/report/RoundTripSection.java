package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tokenometry.udfs.tables.RoundTripRow;

/**
 * Round trip: the documents each tokenizer gives back exactly, per corpus (bars) and per language of a
 * multilingual corpus where that varies (heat map); a table per tokenizer and corpus with the worst language's
 * character error rate, whitespace fidelity and unknown characters; the rows where something is lost. Why some
 * tokenizers cannot score 1 is said first.
 */
final class RoundTripSection implements Section {
  static final String DEFINITIONS = "Exact: documents that decode(encode(x)) gives back unchanged. Normal form: "
      + "documents that come back as the tokenizer's own normal form of x (its normalizer and pre-tokenizer applied: "
      + "what a vocabulary holding every pre-token would give back), so only what the vocabulary lost counts. CER: "
      + "edits from the normal form per character of it, over the documents that differ from it. Whitespace "
      + "fidelity: runs of whitespace that come back as they were. Unknown characters: characters under unknown "
      + "tokens.";
  static final String WHY_BELOW_ONE = "Byte-level BPE (gpt2, cl100k, o200k, Llama 3, Qwen, DeepSeek, claude) loses "
      + "nothing: every document comes back as its normal form, and as itself unless a normalizer changes it (NFKC "
      + "turns \"ﬁ\" into \"fi\" and a no-break space into a space, so claude's exact rate and whitespace fidelity "
      + "fall below 1 on text with such characters; NFC does the same to decomposed accents for qwen3). "
      + "SentencePiece with byte fallback (Llama 2, Mistral, Gemma) loses only characters without a piece and "
      + "without byte pieces. WordPiece (minilm, bge_small_zh) scores below 1 by design: lower-casing and accent "
      + "stripping change the text, its pre-tokenizer drops every run of whitespace and its decoder writes one space "
      + "between words and around punctuation (\"(x)\" comes back as \"( x )\"), and a word with any character "
      + "missing from the vocabulary, or longer than 100 characters, becomes one [UNK], which CER and unknown "
      + "characters measure.";

  /** Documents of some rows: how many came back exactly and as the normal form, each over the rows that say. */
  record Documents(long exact, long decoded, long normal, long withNormalForm) {
    static Documents of(List<RoundTripRow> rows) {
      long exact = 0;
      long decoded = 0;
      long normal = 0;
      long withNormalForm = 0;
      for (RoundTripRow r : rows) {
        if (r.exactRate() != null) { // a rate is over every document of its row, or null (no decoder)
          exact += Math.round(r.exactRate() * r.docs());
          decoded += r.docs();
        }
        if (r.normalizedRate() != null) {
          normal += Math.round(r.normalizedRate() * r.docs());
          withNormalForm += r.docs();
        }
      }
      return new Documents(exact, decoded, normal, withNormalForm);
    }

    Double exactRate() {
      return decoded == 0 ? null : (double) exact / decoded;
    }

    Double normalRate() {
      return withNormalForm == 0 ? null : (double) normal / withNormalForm;
    }
  }

  @Override
  public String id() {
    return "roundtrip";
  }

  @Override
  public String title() {
    return "Round trip";
  }

  @Override
  public String skipReason(ReportData data) {
    String why = Section.missingTokenizeTable(data, RoundTripRow.TABLE);
    if (why != null) {
      return why;
    }
    return data.roundtrip().isEmpty() ? "the roundtrip table is empty" : null;
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    out.html("<p class=\"note\">" + Html.esc(WHY_BELOW_ONE) + "</p>");
    List<RoundTripRow> rows = data.roundtrip();
    List<String> tks = ctx.present(rows.stream().map(RoundTripRow::tokenizer).toList());
    List<String> corpora = LanguageGrids.distinct(rows, RoundTripRow::corpus);
    List<BarChart.Item> items = new ArrayList<>();
    for (String corpus : corpora) {
      List<BarChart.Bar> bars = new ArrayList<>();
      for (String tk : tks) {
        Documents d = Documents.of(rows.stream().filter(r -> tk.equals(r.tokenizer()) && corpus.equals(r.corpus()))
            .toList());
        bars.add(new BarChart.Bar(tk, PremiumSection.orNaN(d.exactRate()), ctx.colour(tk), null, Svg.Key.tk(tk),
            d.decoded() == 0 ? "cannot decode" : Html.count(d.exact()) + " of " + Html.count(d.decoded())
                + " documents; normal form " + Html.pct(d.normalRate(), 1)));
      }
      items.add(new BarChart.Item(corpus, bars, null));
    }
    out.figure("Documents decoded back exactly", DEFINITIONS, RoundTripRow.TABLE, BarChart.render("roundtrip-exact",
        List.of(new BarChart.Group(null, items)), "documents decoded back exactly", Double.NaN, v -> Html.pct(v, 1)),
        Legend.tokenizers(tks, ctx, List.of()));
    for (String corpus : corpora) {
      List<RoundTripRow> cr = rows.stream().filter(r -> corpus.equals(r.corpus())).toList();
      List<String> langs = LanguageGrids.langs(cr.stream().map(RoundTripRow::lang).toList());
      if (langs.size() < 2 || !varies(cr)) {
        continue; // a bar above says it all: one language, or every language alike for each tokenizer
      }
      Map<String, RoundTripRow> at = new LinkedHashMap<>();
      cr.forEach(r -> at.putIfAbsent(r.tokenizer() + "\u0000" + r.lang(), r));
      List<String> ctks = ctx.present(cr.stream().map(RoundTripRow::tokenizer).toList());
      out.figure("Documents decoded back exactly per language: " + corpus, "Drawn because a tokenizer gives back "
              + "more of some languages than of others. Grey: no decoder (the words baseline)."
              + (langs.size() > LanguageGrids.FEW_LANGUAGES ? " " + LanguageGrids.ROWS_BY_SCRIPT + "." : ""),
          RoundTripRow.TABLE, LanguageGrids.heat("roundtrip-" + corpus, ctks, langs, (tk, lang) -> {
            RoundTripRow r = at.get(tk + "\u0000" + lang);
            return r == null ? null : r.exactRate();
          }, (tk, lang) -> null, "exact round trip", v -> Html.pct(v, 1)), null);
    }
    out.html(summary(rows, tks, corpora));
    out.html(lossy(rows, ctx));
    return out.toString();
  }

  /** Whether some tokenizer's exact rate differs between the languages of these rows (one corpus). */
  static boolean varies(List<RoundTripRow> rows) {
    Map<String, Set<Double>> rates = new LinkedHashMap<>();
    rows.stream().filter(r -> r.exactRate() != null).forEach(r -> rates.computeIfAbsent(r.tokenizer(),
        k -> new HashSet<>()).add(r.exactRate()));
    return rates.values().stream().anyMatch(v -> v.size() > 1);
  }

  /** Per tokenizer and corpus: documents back exactly and as the normal form; the worst language of the rest. */
  private static String summary(List<RoundTripRow> rows, List<String> tks, List<String> corpora) {
    SortableTable t = new SortableTable("roundtrip-summary", List.of("tokenizer", "corpus", "languages", "documents",
        "exact", "normal form", "CER, worst", "whitespace fidelity, worst", "unknown characters, worst"));
    for (String tk : tks) {
      for (String corpus : corpora) {
        List<RoundTripRow> mine = rows.stream().filter(r -> tk.equals(r.tokenizer()) && corpus.equals(r.corpus()))
            .toList();
        if (mine.isEmpty()) {
          continue;
        }
        Documents d = Documents.of(mine);
        t.row(Svg.Key.tk(tk), List.of(SortableTable.text(tk), SortableTable.text(corpus),
            SortableTable.count(mine.stream().map(RoundTripRow::lang).distinct().count()),
            SortableTable.count(mine.stream().mapToLong(RoundTripRow::docs).sum()),
            SortableTable.num(d.exactRate(), Html.pct(d.exactRate(), 1)),
            SortableTable.num(d.normalRate(), Html.pct(d.normalRate(), 1)),
            worst(mine, RoundTripRow::cer, true), worst(mine, RoundTripRow::whitespaceFidelity, false),
            worst(mine, RoundTripRow::unkCharRate, true)));
      }
    }
    return "<h3>Per tokenizer and corpus</h3><p class=\"explain\">Exact and normal form over all of a corpus's "
        + "documents; CER, whitespace fidelity and unknown characters of its worst language (the highest CER and "
        + "unknown characters, the lowest fidelity), named beside it.</p>" + t.render();
  }

  /**
   * The highest (or lowest) non-null value of the rows, with its language when the languages differ (the first
   * by code among equals).
   */
  static SortableTable.Cell worst(List<RoundTripRow> rows, Function<RoundTripRow, Double> value, boolean highest) {
    List<RoundTripRow> known = rows.stream().filter(r -> value.apply(r) != null).toList();
    Comparator<RoundTripRow> by = Comparator.comparing(value::apply);
    Comparator<RoundTripRow> worse = (highest ? by : by.reversed()).thenComparing(RoundTripRow::lang,
        Comparator.reverseOrder());
    RoundTripRow w = known.stream().max(worse).orElse(null);
    if (w == null) {
      return SortableTable.num(null, "–");
    }
    Double v = value.apply(w);
    boolean differ = known.stream().anyMatch(r -> !value.apply(r).equals(v));
    return SortableTable.num(v, Html.pct(v, 2) + (differ ? " " + w.lang() : ""));
  }

  /** Whether something in the row does not come back: a document, a whitespace run, a character. */
  static boolean loses(RoundTripRow r) {
    return below1(r.exactRate()) || below1(r.normalizedRate()) || below1(r.whitespaceFidelity())
        || r.unkChars() > 0 || r.cerDocs() > 0;
  }

  private static boolean below1(Double v) {
    return v != null && v < 1;
  }

  /**
   * Every row where something is lost; the rows of a tokenizer that gives everything back would fill most of a
   * FLORES-size table (3,060 rows) with 100 %, and the tables above already say so.
   */
  private static String lossy(List<RoundTripRow> all, ReportContext ctx) {
    List<RoundTripRow> rows = all.stream().filter(RoundTripSection::loses).toList();
    if (rows.isEmpty()) {
      return "<p class=\"explain\">Every document of every tokenizer with a decoder comes back exactly.</p>";
    }
    SortableTable t = new SortableTable("roundtrip-table", List.of("tokenizer", "corpus", "language", "name",
        "documents", "exact", "normal form", "CER", "documents ≠ normal form", "CER skipped", "whitespace fidelity",
        "unknown characters", "unknown char rate"));
    for (RoundTripRow r : rows.stream().sorted(Comparator.comparing((RoundTripRow x) -> ctx.rank(x.tokenizer()))
        .thenComparing(RoundTripRow::corpus, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(RoundTripRow::lang, Comparator.nullsFirst(Languages.BY_SCRIPT))).toList()) {
      t.row(new Svg.Key(r.tokenizer(), r.lang()), List.of(SortableTable.text(r.tokenizer()),
          SortableTable.text(r.corpus()), SortableTable.text(r.lang()), SortableTable.text(Languages.name(r.lang())),
          SortableTable.count(r.docs()), SortableTable.num(r.exactRate(), Html.pct(r.exactRate(), 1)),
          SortableTable.num(r.normalizedRate(), Html.pct(r.normalizedRate(), 1)),
          SortableTable.num(r.cer(), Html.pct(r.cer(), 2)), SortableTable.count(r.cerDocs()),
          SortableTable.count(r.cerSkippedDocs()),
          SortableTable.num(r.whitespaceFidelity(), Html.pct(r.whitespaceFidelity(), 1)),
          SortableTable.count(r.unkChars()), SortableTable.num(r.unkCharRate(), Html.pct(r.unkCharRate(), 2))));
    }
    return "<h3>Where text is lost</h3><p class=\"explain\">The " + Html.count(rows.size()) + " of "
        + Html.count(all.size()) + " rows (tokenizer x corpus x language) where a document, a whitespace run or a "
        + "character does not come back. CER is over the documents that differ from their normal form (– where none "
        + "does); a document too far from it to measure exactly is counted as skipped.</p>" + t.render();
  }
}
