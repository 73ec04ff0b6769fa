package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.all;
import static org.tokenometry.jobs.report.ReportHtml.count;
import static org.tokenometry.jobs.report.ReportHtml.rects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;

/**
 * The premium-split section alone: per tokenizer (chosen with a selector) the byte premium and the tokenizer premium
 * as two bars on a log axis, waterfall-style, with their intervals; only the most expensive languages of a large
 * corpus; every language in the table.
 */
class PremiumSplitSectionTest {
  /** A row with premium {@code p} split into byte premium {@code b} and p / b, intervals ± 5 % (premium ± 7.5 %). */
  static CompressionRow row(String tk, String corpus, String lang, double p, double b) {
    return Rows.split(PremiumSectionTest.row(tk, corpus, lang, p), b, 0.05);
  }

  static String section(List<CompressionRow> rows, List<CoverageRow> coverage, List<String> tks) {
    return ReportHtml.render(new PremiumSplitSection(), ReportHtml.data(rows, coverage), tks);
  }

  @Test
  void theTwoFactorsAddUpOnALogAxisWithTheirIntervals() {
    // Hindi: 4.8 = 2.4 bytes x 2.0; Chinese: 0.8 = 1.6 x 0.5 (fewer tokens per byte than English); English 1 = 1 x 1
    List<CompressionRow> rows = List.of(row("tkA", "c", "eng_Latn", 1.0, 1.0), row("tkA", "c", "zho_Hans", 0.8, 1.6),
        row("tkA", "c", "hin_Deva", 4.8, 2.4));
    String s = section(rows, List.of(), List.of("tkA"));
    String svg = ReportHtml.chart(s, "split-c-tkA");
    // three rows of 22 px (two 7-px bars 1 px apart, 6 px between rows) from 10 px, 40 px of axis
    assertEquals(10 + 3 * 22 + 40, ReportHtml.size(svg)[1], 0.05);
    // most expensive first
    assertEquals(List.of("hin_Deva Hindi", "eng_Latn English", "zho_Hans Chinese"),
        all(svg, "class=\"label\" data-lang=\"[^\"]+\">([^<]+)</text>"));
    // the axis: 0.5x to 8x (the lowest end drawn is 1.6 x 0.475 = 0.76, the highest 2.4 x 2.1 = 5.04), right of
    // "zho_Hans Chinese" (16 x 6.6 + 16 = 121.6 px) to 24 px before 640: x(v) = 121.6 + (log2 v + 1) / 4 x 494.4
    for (String tick : List.of("0.5×", "1×", "2×", "4×", "8×")) {
      assertTrue(svg.contains(">" + tick + "</text>"), tick);
    }
    assertFalse(svg.contains(">16×</text>") || svg.contains(">0.25×</text>"));
    Map<String, String[]> bars = rects(svg);
    assertEquals(6, bars.size());
    // Hindi's byte bar: from x(1) = 245.2 to x(2.4) = 401.3, grey; its tokenizer bar from there to x(4.8) = 524.9
    // (one octave: 494.4 / 4 = 123.6 px), in tkA's colour
    String[] hinBytes = bars.get("hin_Deva Hindi · byte premium: 2.40 (95 % CI 2.28–2.52)");
    assertEquals("156.1", hinBytes[2]);
    assertEquals("#bbbbbb", hinBytes[4]);
    // the byte premium is the texts' alone: the tokenizer filter leaves it (and the labels) in place
    assertEquals(null, hinBytes[6]);
    assertEquals("hin_Deva", hinBytes[7]);
    assertEquals("10.0", hinBytes[1]);
    String[] hinTk = bars.get("hin_Deva Hindi · tkA: tokenizer premium 2.00 (95 % CI 1.90–2.10) → premium 4.80 "
        + "(95 % CI 4.44–5.16)");
    assertEquals("18.0", hinTk[1]);
    assertEquals("123.6", hinTk[2]);
    assertEquals(Palette.series(1).get(0), hinTk[4]);
    assertTrue(svg.contains("<rect x=\"401.3\" y=\"18.0\" width=\"123.6\""), svg);
    // Chinese: the tokenizer bar runs leftwards from x(1.6) = 329.0 to x(0.8) = 205.4
    assertTrue(svg.contains("<rect x=\"205.4\" y=\"62.0\" width=\"123.6\""), svg);
    // whiskers: Hindi's byte interval from x(2.28) = 392.2 to x(2.52) = 410.0 in the middle of its bar; the
    // tokenizer's from x(2.4 x 1.9) = 515.8 to x(2.4 x 2.1) = 533.6
    assertTrue(svg.contains("<line x1=\"392.2\" y1=\"13.5\" x2=\"410.0\" y2=\"13.5\" stroke=\"#333333\" "
        + "stroke-width=\"1.2\" data-lang=\"hin_Deva\"/>"));
    assertTrue(svg.contains("<line x1=\"515.8\" y1=\"21.5\" x2=\"533.6\" y2=\"21.5\" stroke=\"#333333\" "
        + "stroke-width=\"1.2\" data-tk=\"tkA\" data-lang=\"hin_Deva\"/>"));
    // parity dashed at x(1)
    assertTrue(svg.contains("<line x1=\"245.2\" y1=\"10.0\" x2=\"245.2\" y2=\"76.0\" stroke=\"#333333\" "
        + "stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>"));

    // the table: every language in the page's order, its byte premium with the interval 1.6 x (1 ± 0.05), then a
    // column per tokenizer (the filter hides it) with its tokenizer premium
    String table = ReportHtml.table(s, "split-table-c");
    assertEquals(List.of("eng_Latn", "hin_Deva", "zho_Hans"), all(table, "<tr data-lang=\"([^\"]+)\">"));
    assertTrue(table.contains("<th title=\"click to sort\" data-tk=\"tkA\">tkA</th>"));
    assertTrue(table.contains("<tr data-lang=\"zho_Hans\"><td data-v=\"zho_Hans\">zho_Hans</td><td data-v=\"Chinese "
        + "(Simplified)\">Chinese (Simplified)</td><td data-v=\"Hans\">Hans</td><td class=\"n\" data-v=\"1.6\">1.60"
        + "</td>"), table);
    assertTrue(table.contains(">1.52–1.68</td><td class=\"n\" data-tk=\"tkA\" data-v=\"0.5\">0.50</td></tr>"), table);
  }

  @Test
  void aLargeCorpusChartsItsMostExpensiveUnflaggedLanguagesAndTabulatesAll() {
    // 30 languages, premium 1 + i / 10 with byte premium 1 + i / 20; tkA emits 30 % unknown tokens on l29 (the
    // most expensive): it is pale in the table, and left out of the 24 charted (l28 down to l05)
    List<CompressionRow> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(row("tkA", "c", String.format("l%02d_Latn", i), 1 + i / 10.0, 1 + i / 20.0));
    }
    String s = section(rows, List.of(PremiumSectionTest.unk("tkA", "c", "l29_Latn", 0.3)), List.of("tkA"));
    List<String> charted = all(ReportHtml.chart(s, "split-c-tkA"), "class=\"label\"[^>]*>([^<]+)</text>");
    assertEquals(24, charted.size());
    assertEquals("l28_Latn", charted.get(0));
    assertEquals("l05_Latn", charted.get(23));
    assertTrue(s.contains("<h4>c · tkA: the 24 most expensive of 30 languages</h4>"));
    String table = ReportHtml.table(s, "split-table-c");
    assertEquals(30, count(table, "<tr data-lang"));
    // l29: tokenizer premium 3.9 / 2.45 = 1.59, flagged
    assertTrue(Pattern.compile("<td class=\"n flagged\" data-tk=\"tkA\" title=\"⚠ 30.0 % unknown "
        + "tokens\" data-v=\"1\\.59[0-9]*\">1.59 ⚠</td></tr>").matcher(table).find(), table);
    assertTrue(s.contains("⚠ tkA: more than 1 % of the tokens are unknown"));
  }

  @Test
  void aSelectorChoosesTheCorpusAndTheTokenizer() {
    List<CompressionRow> rows = new ArrayList<>();
    for (String corpus : List.of("c1", "c2")) {
      for (String tk : List.of("tkA", "tkB")) {
        rows.add(row(tk, corpus, "eng_Latn", 1, 1));
        rows.add(row(tk, corpus, "fra_Latn", 1.3, 1.2));
      }
    }
    String s = section(rows, List.of(), List.of("tkB", "tkA"));
    assertEquals(List.of("split-c1-tkB", "split-c1-tkA", "split-c2-tkB", "split-c2-tkA"), ReportHtml.ids(s));
    assertTrue(s.contains("<select name=\"corpus\"><option value=\"c1\">c1</option><option value=\"c2\">c2</option>"));
    assertTrue(s.contains("<select name=\"tokenizer\"><option value=\"tkB\">tkB</option>"));
    assertEquals(Arrays.asList(null, " hidden", " hidden", " hidden"),
        all(s, "<div class=\"rcombo\" data-corpus=\"[^\"]+\" data-tokenizer=\"[^\"]+\"( hidden)?>"));
    // the legend: the byte premium in grey, each tokenizer's premium in its colour (the filter hides it), the whisker
    assertTrue(s.contains("<li data-tk=\"tkA\"><span class=\"swatch\" style=\"background:" + Palette.series(2).get(1)
        + "\"></span>tokenizer premium: tkA</li>"), s);
  }

  @Test
  void withoutIntervalsThereAreNoWhiskers() {
    CompressionRow r = row("tkA", "c", "hin_Deva", 4.8, 2.4);
    CompressionRow bare = new CompressionRow(r.tokenizer(), r.corpus(), r.domain(), r.lang(), r.docs(), r.bytes(),
        r.chars(), r.words(), r.sentences(), r.tokens(), r.bytesPerToken(), null, null, r.charsPerToken(),
        r.tokensPerWord(), r.tokensPerSentence(), r.continuedWordRate(), r.singleTokenWordRate(), r.nsl(), 4.8, null,
        null, 2.4, null, null, 2.0, null, null, r.renyiEfficiency(), r.tokensPerSecond());
    String s = section(List.of(row("tkA", "c", "eng_Latn", 1, 1), bare), List.of(), List.of("tkA"));
    assertTrue(s.contains("<title>hin_Deva Hindi · byte premium: 2.40</title>"));
    // English's two whiskers, three lines each (the interval and its end caps); none for Hindi
    assertEquals(6, count(ReportHtml.chart(s, "split-c-tkA"), "data-lang=\"eng_Latn\"/>"));
    assertEquals(0, count(ReportHtml.chart(s, "split-c-tkA"), "data-lang=\"hin_Deva\"/>"));
  }

  @Test
  void skippedWithoutByteOrParallelPremiums() {
    assertEquals(PremiumSplitSection.NO_SPLIT, new PremiumSplitSection().skipReason(ReportHtml.data(
        List.of(PremiumSectionTest.row("tkA", "c", "eng_Latn", 1.0)), List.of())));
    assertEquals(Section.NO_PARALLEL, new PremiumSplitSection().skipReason(ReportHtml.data(
        List.of(PremiumSectionTest.row("tkA", "c", "eng_Latn", null)), List.of())));
    ReportData none = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(),
        List.of("compression"));
    assertEquals("no compression table (the tokenize stage writes it)", new PremiumSplitSection().skipReason(none));
    assertNull(new PremiumSplitSection().skipReason(ReportHtml.data(List.of(row("a", "c", "eng_Latn", 1, 1)),
        List.of())));
  }
}
