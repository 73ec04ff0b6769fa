package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.PremiumChartTest.MARK;
import static org.tokenometry.jobs.report.PremiumChartTest.SVG;
import static org.tokenometry.jobs.report.PremiumChartTest.count;
import static org.tokenometry.jobs.report.PremiumChartTest.fills;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tokenometry.jobs.report.ReportData.Compression;
import org.tokenometry.jobs.report.ReportData.Coverage;

/**
 * The bytes-per-token and split-character heat maps: a few languages are columns with the value written in each
 * cell; beyond {@link ReportPage#FEW_LANGUAGES}, as for the token premium, the map is transposed: one 13-px row
 * per language grouped by script, tokenizers as columns, the value in each cell's tooltip, so FLORES-200's 204
 * languages no longer make a chart 9,500 px wide. Renders the page from records alone (no Spark).
 */
class LanguageHeatMapTest {
  /** Language i is {@code x<i>_<SCRIPTS[i % 6]>}: deliberately not in the page's order. */
  static final String[] SCRIPTS = {"Latn", "Cyrl", "Arab", "Deva", "Ethi", "Hans"};
  static final int FLORES_LANGUAGES = 204;
  static final List<String> TKS = tokenizers(15);
  /** Tokenizer names rotated 40° above and below the grid: 11 characters of 6.6 px, plus 14 px. */
  static final double NAMES_H = 11 * 6.6 * Math.sin(Math.toRadians(40)) + 14;

  static String lang(int i) {
    return String.format("x%03d_%s", i, SCRIPTS[i % SCRIPTS.length]);
  }

  static List<String> tokenizers(int n) {
    List<String> tks = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      tks.add("tokenizer" + t);
    }
    return tks;
  }

  /**
   * Language i under tokenizer t: 4,000 bytes in 1,000 + 10 i + 100 t tokens; x005_Hans has a second domain of
   * 2,000 bytes in 1,000 tokens (summed with the first); tokenizer3 has no row for x007_Cyrl.
   */
  static List<Compression> compression() {
    List<Compression> rows = new ArrayList<>();
    for (int t = 0; t < TKS.size(); t++) {
      for (int i = 0; i < FLORES_LANGUAGES; i++) {
        if (i == 7 && t == 3) {
          continue;
        }
        rows.add(compressionRow(TKS.get(t), "general", lang(i), 4000, 1000 + 10 * i + 100 * t));
        if (i == 5) {
          rows.add(compressionRow(TKS.get(t), "news", lang(i), 2000, 1000));
        }
      }
    }
    return rows;
  }

  static Compression compressionRow(String tk, String domain, String lang, long bytes, long tokens) {
    return new Compression(tk, "syn", domain, lang, 10, bytes, tokens, (double) bytes / tokens, 1.0, 1.3, 0.2,
        0.8, 1.0, null, 0.4, 1e5);
  }

  /** Language i under tokenizer t splits (i + 10 t) / 1000 of its characters. */
  static List<Coverage> coverage() {
    List<Coverage> rows = new ArrayList<>();
    for (int t = 0; t < TKS.size(); t++) {
      for (int i = 0; i < FLORES_LANGUAGES; i++) {
        rows.add(coverageRow(TKS.get(t), lang(i), (i + 10.0 * t) / 1000));
      }
    }
    return rows;
  }

  static Coverage coverageRow(String tk, String lang, double split) {
    return new Coverage(tk, "syn", lang, 0, 0, split, 1000L, 100L, 0.1, null, null);
  }

  /** The {@code <svg>} of chart {@code id} on the page drawn from these records. */
  static String chart(List<Compression> compression, List<Coverage> coverage, List<String> tks, String id) {
    ReportData data = new ReportData(compression, coverage, List.of(), List.of(), List.of(), Map.of(), List.of());
    String html = new ReportPage(data, tks, "t").render(null, "now");
    int at = html.indexOf("<svg class=\"chart\" data-chart=\"" + id + "\"");
    assertTrue(at >= 0, "chart " + id);
    return html.substring(at, html.indexOf("</svg>", at) + 6);
  }

  /** {width, height} of a chart. */
  static double[] size(String svg) {
    Matcher m = SVG.matcher(svg);
    assertTrue(m.find(), svg.substring(0, Math.min(300, svg.length())));
    return new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
  }

  static List<String> all(String svg, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(svg);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** Every data cell's {height, width}, as the MARK pattern reads them. */
  static List<String> cellSizes(String svg) {
    List<String> sizes = new ArrayList<>();
    Matcher m = MARK.matcher(svg);
    while (m.find()) {
      sizes.add(m.group(3) + "x" + m.group(2));
    }
    return sizes;
  }

  @Test
  void floresSizedBytesPerTokenMapHasALanguagePerRow() {
    String svg = chart(compression(), List.of(), TKS, "bpt-syn");
    double[] size = size(svg);
    // languages as columns drew 204 x 46 px of cells (9,490 px wide); as rows: 15 columns of 40 px beside the
    // script and language names
    assertTrue(size[0] > 15 * 40 && size[0] < 1000, "width " + size[0]);
    // 204 rows of 13 px + 5 gaps of 4 px between the 6 scripts, under the colour key (6 + 22 px) and between
    // the tokenizer names above and below the grid, + 8 px
    assertEquals(6 + 22 + NAMES_H + 204 * 13 + 5 * 4 + NAMES_H + 8, size[1], 0.05);

    // one small cell per language and tokenizer, the value only in its tooltip
    assertEquals(204 * 15 - 1, count(svg, "class=\"mark\""));
    assertEquals(1, count(svg, "class=\"empty\""));
    assertEquals(List.of("12.0x39.0"), cellSizes(svg).stream().distinct().toList());
    assertEquals(5, count(svg, "class=\"cell\""), "no value written in a cell, only in the key's 5 swatches");

    // values hand-computed from 4000 / (1000 + 10 i + 100 t), colours on the linear ramp from the smallest
    // (x203, tokenizer14: 4000 / 4430 = 0.903, the palest stop #ffffcc) to the largest (x000, tokenizer0: 4.00,
    // the darkest stop #253494)
    Map<String, String> fill = fills(svg);
    assertEquals(204 * 15, fill.size());
    assertEquals("#253494", fill.get("x000_Latn · tokenizer0: 4.00"));
    assertEquals("#ffffcc", fill.get("x203_Hans · tokenizer14: 0.90"));
    // x100, tokenizer0: 4000 / 2000 = 2.00, (2 - 0.903) / (4 - 0.903) = 0.3542 of the ramp = 1.4169 stops:
    // 0.4169 of the way from (161, 218, 180) to (65, 182, 196) = (121, 203, 187)
    assertEquals("#79cbbb", fill.get("x100_Ethi · tokenizer0: 2.00"));
    // x005 has two domains, summed: (4000 + 2000) / (1050 + 1000) = 2.93 and / (2450 + 1000) = 1.74
    assertTrue(fill.containsKey("x005_Hans · tokenizer0: 2.93"), fill.keySet().stream().limit(20).toList()
        .toString());
    assertTrue(fill.containsKey("x005_Hans · tokenizer14: 1.74"));
    assertEquals("#d9d9d9", fill.get("x007_Cyrl · tokenizer3: no data"));

    // the key: five swatches from the smallest to the largest value (steps of 3.097 / 4), and no data
    assertTrue(svg.contains(">bytes/token:</text>"));
    for (String v : List.of("0.90", "1.68", "2.45", "3.23", "4.00")) {
      assertTrue(svg.contains(">" + v + "</text>"), v);
    }
    assertTrue(svg.contains(">no data</text>"));

    // scripts Latin first, then by code; languages alphabetical within a script
    assertEquals(List.of("Latin (Latn)", "Arabic (Arab)", "Cyrillic (Cyrl)", "Devanagari (Deva)",
        "Ethiopic (Ethi)", "Han, simplified (Hans)"), all(svg, "class=\"group\">([^<]+)</text>"));
    List<String> rows = all(svg, "text-anchor=\"end\" class=\"tick\">([a-z0-9]+_[A-Za-z]+)</text>");
    assertEquals(204, rows.size());
    assertEquals(List.of("x000_Latn", "x006_Latn", "x012_Latn"), rows.subList(0, 3));
    assertEquals(List.of("x198_Latn", "x002_Arab"), rows.subList(33, 35)); // 34 Latin languages
    assertEquals("x203_Hans", rows.get(203));
    // tokenizer names above and, for a long grid, below the cells, in the config's order
    List<String> names = all(svg, "class=\"tick\" transform=\"rotate\\(-40[^>]*>([^<]+)</text>");
    assertEquals(TKS, names);
    assertEquals(2, count(svg, ">tokenizer14</text>"));
  }

  @Test
  void floresSizedSplitCharacterMapHasALanguagePerRow() {
    String svg = chart(List.of(), coverage(), TKS, "split-syn");
    double[] size = size(svg);
    assertTrue(size[0] > 15 * 40 && size[0] < 1000, "width " + size[0]);
    assertEquals(6 + 22 + NAMES_H + 204 * 13 + 5 * 4 + NAMES_H + 8, size[1], 0.05);
    assertEquals(204 * 15, count(svg, "class=\"mark\""));
    assertEquals(0, count(svg, "class=\"empty\""));
    assertFalse(svg.contains(">no data</text>"), "nothing missing, no no-data swatch");
    Map<String, String> fill = fills(svg);
    // (i + 10 t) / 1000: from 0 (x000, tokenizer0) to (203 + 140) / 1000 = 34.3 % (x203, tokenizer14)
    assertEquals("#ffffcc", fill.get("x000_Latn · tokenizer0: 0.0 %"));
    assertEquals("#253494", fill.get("x203_Hans · tokenizer14: 34.3 %"));
    assertTrue(fill.containsKey("x050_Arab · tokenizer3: 8.0 %"));
    assertTrue(fill.containsKey("x007_Cyrl · tokenizer3: 3.7 %"));
    assertTrue(svg.contains(">split-character rate:</text>"));
    assertTrue(svg.contains(">0.0 %</text>") && svg.contains(">34.3 %</text>"));
    assertEquals("Latin (Latn)", all(svg, "class=\"group\">([^<]+)</text>").get(0));
  }

  @Test
  void fewLanguagesKeepLanguagesAsColumnsWithTheValueInEachCell() {
    String svg = chart(ReportFixtures.floresCompression(), List.of(), ReportFixtures.TOKENIZERS, "bpt-flores200");
    double[] size = size(svg);
    // 12 columns of 46 px right of "mistral7b" (9 x 6.6 + 14 px), + 20; 4 rows of 22 px, + 74 + 46
    assertEquals(9 * 6.6 + 14 + 12 * 46 + 20, size[0], 0.05);
    assertEquals(74 + 4 * 22 + 46, size[1], 0.05);
    assertEquals(List.of("21.0x45.0"), cellSizes(svg).stream().distinct().toList());
    // tokenizer · language; eng_Latn, gpt4o = 130000 / 26000 = 5.00, written in the cell too (the second
    // column's middle: 73.4 + 46 + 23 = 142.4; first row: 74 + 11 + 4 = 89)
    Map<String, String> fill = fills(svg);
    assertEquals(48, fill.size());
    assertTrue(fill.containsKey("gpt4o · eng_Latn: 5.00"), fill.keySet().toString());
    assertTrue(svg.contains("<title>gpt4o · eng_Latn: 5.00</title></rect><text x=\"142.4\" y=\"89.0\" "
        + "text-anchor=\"middle\" class=\"cell\" style=\"fill:#222222\">5.00</text>"), "the value in its cell");
    // scripts head the language columns, Latin first
    assertEquals(List.of("Latn", "Arab", "Cyrl", "Deva", "Ethi", "Grek", "Hans", "Jpan", "Thai"),
        all(svg, "class=\"group\">([^<]+)</text>"));
  }

  @Test
  void theHeatMapsTurnAtThePremiumChartsThreshold() {
    for (int n : new int[] {ReportPage.FEW_LANGUAGES, ReportPage.FEW_LANGUAGES + 1}) {
      List<Compression> compression = new ArrayList<>();
      List<Coverage> coverage = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        compression.add(compressionRow("tkA", "general", lang(i), 4000, 1000 + i));
        coverage.add(coverageRow("tkA", lang(i), i / 100.0));
      }
      String cell = n > 24 ? "12.0x39.0" : "21.0x45.0";
      for (String id : List.of("bpt-syn", "split-syn")) {
        String svg = chart(compression, coverage, List.of("tkA"), id);
        assertEquals(List.of(cell), cellSizes(svg).stream().distinct().toList(), n + " languages, " + id);
        assertEquals(n, count(svg, "class=\"mark\""));
      }
    }
  }
}
