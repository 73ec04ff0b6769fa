package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.all;
import static org.tokenometry.jobs.report.ReportHtml.count;
import static org.tokenometry.jobs.report.ReportHtml.fills;
import static org.tokenometry.jobs.report.ReportHtml.rects;
import static org.tokenometry.jobs.report.ReportHtml.size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;

/**
 * The token-premium section alone: grouped bars in each tokenizer's colour for a few languages, a compact heat
 * map on the ratio scale for many (FLORES-200's 204 languages stay under 3,000 px), numbers flagged for unknown
 * tokens marked and kept out of the colour scale, and the table with language names.
 */
class PremiumSectionTest {
  static final List<String> TKS = List.of("tkA", "tkB", "tkC");

  /**
   * 60 languages over 4 scripts, listed out of order: eng_Latn is the pivot (1.0 everywhere), otherwise language
   * i under tokenizer t costs 0.8 + 0.2 i (t + 1) / 3; l30_Cyrl has no premium under tkB.
   */
  static List<CompressionRow> sixtyLanguages() {
    List<String> langs = new ArrayList<>();
    langs.add("eng_Latn");
    String[] scripts = {"Ethi", "Deva", "Cyrl", "Latn"}; // by i % 4; deliberately not in the page's order
    for (int i = 1; i < 60; i++) {
      langs.add(String.format("l%02d_%s", i, scripts[i % 4]));
    }
    List<CompressionRow> rows = new ArrayList<>();
    for (int t = 0; t < TKS.size(); t++) {
      for (int i = 0; i < langs.size(); i++) {
        double p = i == 0 ? 1.0 : 0.8 + 0.2 * i * (t + 1) / 3;
        rows.add(row(TKS.get(t), "syn", langs.get(i), i == 30 && t == 1 ? null : p));
      }
    }
    return rows;
  }

  static CompressionRow row(String tk, String corpus, String lang, Double premium) {
    return Rows.compression(tk, corpus, "general", lang, 10, 1000, 250, 4.0, 4.0, 1.3, 0.2, 0.8, 1.0, premium,
        0.4, 1e5);
  }

  static CoverageRow unk(String tk, String corpus, String lang, double unkRate) {
    return Rows.coverage(tk, corpus, lang, unkRate, 0, 0, 1000L, 100L, 0.1, null, null);
  }

  static String section(List<CompressionRow> rows, List<CoverageRow> coverage, List<String> tks) {
    return ReportHtml.render(new PremiumSection(), ReportHtml.data(rows, coverage), tks);
  }

  @Test
  void manyLanguagesGetACompactHeatMapWithTheRightValuesAndColours() {
    String s = section(sixtyLanguages(), List.of(), TKS);
    assertEquals(List.of("premium-syn"), ReportHtml.ids(s));
    assertTrue(s.contains("<svg class=\"chart fixed\""), "a heat map keeps its size; its box scrolls");
    // the ratio key (6 + 42 px), the tokenizer names rotated 40° above and below (3 characters of 6.6 px:
    // 19.8 x sin 40° + 14 = 26.73 px), 60 rows of 13 px and 3 gaps of 4 px between the 4 scripts, 8 px
    assertEquals(6 + 42 + 26.73 + 60 * 13 + 3 * 4 + 26.73 + 8, size(s)[1], 0.05);
    Map<String, String> fill = fills(s);
    assertEquals(180, fill.size());
    assertEquals(179, count(s, "class=\"mark\""));
    assertEquals(1, count(s, "class=\"empty\""));
    assertEquals(List.of("12.0x39.0"), ReportHtml.cellSizes(s).stream().distinct().toList());
    assertFalse(s.contains("stroke-dasharray"), "no bar-chart reference line");

    // values from 0.8 + 0.2 i (t + 1) / 3 and their colours (RdYlBu, one stop per doubling); tooltips name the
    // language: eng_Latn is ICU's "English (Latin)", the made-up codes have no name
    assertEquals("#ffffbf", fill.get("eng_Latn English (Latin) · tkA: 1.00"));
    // l06, tkC: 0.8 + 0.2 x 6 = 2.00, one doubling: the second stop
    assertEquals("#fee090", fill.get("l06_Cyrl · tkC: 2.00"));
    // l16, tkC: 0.8 + 3.2 = 4.00, two doublings
    assertEquals("#fdae61", fill.get("l16_Ethi · tkC: 4.00"));
    // l01, tkA: 0.8 + 0.2/3 = 0.8667, log2 = -0.2065 of the way from #ffffbf to #abd9e9
    // = (255 - 84 x 0.2065, 255 - 38 x 0.2065, 191 + 42 x 0.2065) = (238, 247, 200)
    assertEquals("#eef7c8", fill.get("l01_Deva · tkA: 0.87"));
    // l59, tkC: 0.8 + 11.8 = 12.60, log2 = 3.6554: 0.6554 of the way from (244, 109, 67) to (215, 48, 39)
    // = (225, 69, 49)
    assertEquals("#e14531", fill.get("l59_Latn · tkC: 12.60"));
    assertEquals("#d9d9d9", fill.get("l30_Cyrl · tkB: no data"));
    // every cell knows its tokenizer and language, for the page's filter
    assertEquals("tkC", rects(s).get("l59_Latn · tkC: 12.60")[6]);
    assertEquals("l59_Latn", rects(s).get("l59_Latn · tkC: 12.60")[7]);

    // the key: the octaves the data span, 0.87 .. 12.6 -> 0.5x .. 16x, parity named
    for (String tick : List.of("0.5×", "1×", "2×", "4×", "8×", "16×")) {
      assertTrue(s.contains(">" + tick + "</text>"), tick);
    }
    assertFalse(s.contains(">32×</text>") || s.contains(">0.25×</text>"), "scale beyond the data");
    assertTrue(s.contains(">parity</text>") && s.contains(">no data</text>"));
    assertTrue(s.contains("log scale"), "the caption says what the colours mean");

    // rows: scripts Latin first then by code, languages alphabetical within a script
    assertEquals(List.of("Latin (Latn)", "Cyrillic (Cyrl)", "Devanagari (Deva)", "Ethiopic (Ethi)"),
        all(s, "class=\"group\">([^<]+)</text>"));
    List<String> rowOrder = all(s, "class=\"tick\" data-lang=\"[^\"]+\">([a-z0-9]+_[A-Za-z]+)</text>");
    assertEquals(60, rowOrder.size());
    assertEquals(List.of("eng_Latn", "l03_Latn", "l07_Latn"), rowOrder.subList(0, 3));
    assertEquals(List.of("l59_Latn", "l02_Cyrl"), rowOrder.subList(15, 17));
    assertEquals("l56_Ethi", rowOrder.get(59));
  }

  @Test
  void fewLanguagesGetBarsInEachTokenizersColourWithTheLegendBeside() {
    List<CoverageRow> coverage = List.of(unk("gemma3", "flores200", "tha_Thai", 0.02));
    String s = section(ReportFixtures.floresCompression(), coverage, ReportFixtures.TOKENIZERS);
    Map<String, String[]> bars = rects(s);
    assertEquals(48, bars.size());
    // 7-px bars in the tokenizer's colour (Tol's 4-colour set, handed out from the red end: gpt4o #dc050c,
    // llama3 #4eb265, gemma3 #f7f056, mistral7b #1965b0)
    assertEquals("#1965b0", bars.get("hin_Deva Hindi · mistral7b: 4.80")[4]);
    assertEquals("#dc050c", bars.get("eng_Latn English · gpt4o: 1.00")[4]);
    assertEquals(List.of("7.0"), bars.values().stream().map(b -> b[3]).distinct().toList());
    // the axis runs to 8 (the first tick at or above the largest premium, 7.60); the plot starts right of the
    // longest label, "jpn_Jpan Japanese" (17 x 6.6 + 16 = 128.2 px), and ends 40 px before 640:
    // 4.80 / 8 x 471.8 = 283.08 px
    assertEquals("283.1", bars.get("hin_Deva Hindi · mistral7b: 4.80")[2]);
    assertTrue(s.contains("stroke-dasharray=\"4 3\""), "the dashed parity line");

    // gemma3 on Thai: 2 % unknown tokens: a pale bar with ⚠, named in the note and marked in the legend
    String[] thai = bars.get("tha_Thai Thai · gemma3: 1.60 (⚠ 2.0 % unknown tokens)");
    assertEquals("mark bar flagged", thai[5]);
    assertEquals("mark bar", bars.get("tha_Thai Thai · gpt4o: 1.90")[5]);
    assertTrue(s.contains("⚠ gemma3: more than 1 % of the tokens are unknown ([UNK])"), s);
    assertTrue(s.contains("<li data-tk=\"gemma3\"><span class=\"swatch\" style=\"background:#f7f056\"></span>"
        + "gemma3 <span class=\"flag\">⚠</span></li>"));
    // the legend lists the tokenizers in the run's order, beside the chart
    assertEquals(ReportFixtures.TOKENIZERS, all(s, "<li data-tk=\"([^\"]+)\">"));
    assertTrue(s.indexOf("<ul class=\"legend\">") > s.indexOf("data-chart=\"premium-flores200\""));

    // the table: language, ICU name, script, then a column per tokenizer (the filter hides a column by its
    // data-tk); the flagged number carries ⚠ and the reason
    String table = ReportHtml.table(s, "premium-table-flores200");
    assertTrue(table.contains("<th title=\"click to sort\" data-tk=\"mistral7b\">mistral7b</th>"));
    assertTrue(table.contains("<tr data-lang=\"hin_Deva\"><td data-v=\"hin_Deva\">hin_Deva</td>"
        + "<td data-v=\"Hindi (Devanagari)\">Hindi (Devanagari)</td><td data-v=\"Deva\">Deva</td>"));
    assertTrue(table.contains("<td class=\"n flagged\" data-tk=\"gemma3\" title=\"⚠ 2.0 % unknown tokens\" "
        + "data-v=\"1.6\">1.60 ⚠</td>"), table);
  }

  @Test
  void aFlaggedOutlierStaysOutOfTheColourScale() {
    // 25 languages at 1.0 + i/10; tkA turns l24 into unknown tokens (50 %) and looks 40x: without the flag the
    // scale would run to 32x, with it the scale ends at 4x (the octave above 3.3) and the cell is grey with ⚠
    List<CompressionRow> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(row("tkA", "c", String.format("l%02d_Latn", i), i == 24 ? 40.0 : 1.0 + i / 10.0));
    }
    String s = section(rows, List.of(unk("tkA", "c", "l24_Latn", 0.5)), List.of("tkA"));
    Map<String, String[]> cells = rects(s);
    String[] l24 = cells.get("l24_Latn · tkA: 40.00 (⚠ 50.0 % unknown tokens: left out of the colour scale)");
    assertEquals("#f7f7f7", l24[4]);
    assertEquals("mark flagged", l24[5]);
    assertTrue(s.contains(">4×</text>") && !s.contains(">8×</text>") && !s.contains("≥"), "scale ends at 4x");
    assertTrue(s.contains(">⚠ unknown tokens &gt; 1 %</text>"), "the key names the grey");
    assertEquals(1, count(s, "class=\"glyph\" data-tk=\"tkA\" data-lang=\"l24_Latn\" style=\"fill:#777777\">⚠"));
  }

  @Test
  void aPremiumBeyondTheRatioScaleTakesTheEndColourAndIsMarked() {
    assertEquals("#ffffbf", Palette.ratio(1));
    assertEquals("#fee090", Palette.ratio(2));
    assertEquals("#d73027", Palette.ratio(16));
    assertEquals("#a50026", Palette.ratio(32));
    assertEquals("#a50026", Palette.ratio(100));
    assertEquals("#abd9e9", Palette.ratio(0.5));
    assertEquals("#4575b4", Palette.ratio(0.01));
    List<CompressionRow> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(row("tkA", "c", String.format("l%02d_Latn", i), i == 24 ? 40.0 : 1.0 + i / 10.0));
    }
    String s = section(rows, List.of(), List.of("tkA"));
    assertTrue(s.contains(">≥ 32×</text>"), "the key says the data go beyond");
    assertTrue(s.contains(">1×</text>") && !s.contains(">0.5×</text>"), "scale starts at parity: no premium < 1");
    assertEquals("#a50026", fills(s).get("l24_Latn · tkA: 40.00 (▲ above the colour scale)"));
  }

  @Test
  void theThresholdIsTwoDozenLanguages() {
    for (int n : new int[] {LanguageGrids.FEW_LANGUAGES, LanguageGrids.FEW_LANGUAGES + 1}) {
      List<CompressionRow> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        rows.add(row("tkA", "c", String.format("l%02d_Latn", i), 1.0 + i / 10.0));
      }
      String s = section(rows, List.of(), List.of("tkA"));
      assertEquals(n > 24, s.contains(">parity</text>"), n + " languages");
      assertEquals(n > 24, !s.contains("stroke-dasharray"), n + " languages");
    }
  }

  @Test
  void floresSizedCorpusStaysUnderThreeThousandPixels() {
    // 204 languages over 30 scripts x 15 tokenizers, as the FLORES-200 run in README.md
    List<String> tks = new ArrayList<>();
    for (int t = 0; t < 15; t++) {
      tks.add("tokenizer" + t);
    }
    List<CompressionRow> rows = new ArrayList<>();
    for (String tk : tks) {
      for (int i = 0; i < 204; i++) {
        rows.add(row(tk, "flores200", String.format("x%03d_S%03d", i, i % 30), 0.8 + i * 0.08));
      }
    }
    String s = section(rows, List.of(), tks);
    double[] size = size(s);
    // 204 x 13 + 29 x 4 = 2,768 px of cells; the key (48 px) and "tokenizer14" rotated above and below
    // (11 x 6.6 x sin 40° + 14 = 60.67 px each), + 8; the bars needed 204 x (15 x 9 + 6) + 30 x 20 = 29,364 px
    assertEquals(48 + 60.67 + 2768 + 60.67 + 8, size[1], 0.05);
    assertEquals(204 * 15, count(s, "class=\"mark\""));
    assertTrue(size[0] < 1000, "width " + size[0]);
    // premiums 0.80 .. 17.04: the scale spans 0.5x .. 32x
    assertTrue(s.contains(">0.5×</text>") && s.contains(">32×</text>") && !s.contains(">64×</text>"));
  }

  @Test
  void withoutAParallelCorpusTheSectionSaysWhyItIsSkipped() {
    ReportData data = ReportHtml.data(List.of(row("tkA", "c", "eng_Latn", null)), List.of());
    assertEquals(Section.NO_PARALLEL, new PremiumSection().skipReason(data));
    ReportData none = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(),
        Section.TOKENIZE_TABLES);
    assertEquals(Section.NO_TOKENIZE, new PremiumSection().skipReason(none));
    ReportData noCompression = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(),
        List.of("compression"));
    assertEquals("no compression table (the tokenize stage writes it)",
        new PremiumSection().skipReason(noCompression));
    assertNull(new PremiumSection().skipReason(ReportHtml.data(sixtyLanguages(), List.of())));
  }
}
