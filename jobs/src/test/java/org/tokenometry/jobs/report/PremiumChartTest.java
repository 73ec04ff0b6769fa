package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tokenometry.jobs.report.ReportData.Compression;

/**
 * The token-premium section: grouped bars for a few languages, a compact heat map (13-px rows, colour from
 * {@link Palette#ratio}, values in tooltips) for many, so FLORES-200's 204 languages no longer make a chart
 * tens of thousands of pixels tall. Renders the page from records alone (no Spark).
 */
class PremiumChartTest {
  static final List<String> TKS = List.of("tkA", "tkB", "tkC");
  static final Pattern SVG = Pattern.compile("<svg class=\"chart\" data-chart=\"([^\"]+)\"[^>]* width=\"([0-9.]+)\""
      + " height=\"([0-9.]+)\"");
  static final Pattern MARK = Pattern.compile("<rect x=\"[0-9.]+\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" "
      + "height=\"([0-9.]+)\" fill=\"(#[0-9a-f]{6})\" class=\"(mark|empty)\"><title>([^<]+)</title></rect>");

  /**
   * 60 languages over 4 scripts, listed out of order: eng_Latn is the pivot (1.0 everywhere), otherwise language
   * i under tokenizer t costs 0.8 + 0.2 i (t + 1) / 3; l30_Cyrl has no premium under tkB.
   */
  static List<Compression> sixtyLanguages() {
    List<String> langs = new ArrayList<>();
    langs.add("eng_Latn");
    String[] scripts = {"Ethi", "Deva", "Cyrl", "Latn"}; // by i % 4; deliberately not in the page's order
    for (int i = 1; i < 60; i++) {
      langs.add(String.format("l%02d_%s", i, scripts[i % 4]));
    }
    List<Compression> rows = new ArrayList<>();
    for (int t = 0; t < TKS.size(); t++) {
      for (int i = 0; i < langs.size(); i++) {
        double p = i == 0 ? 1.0 : 0.8 + 0.2 * i * (t + 1) / 3;
        rows.add(row(TKS.get(t), "syn", langs.get(i), i == 30 && t == 1 ? null : p));
      }
    }
    return rows;
  }

  static Compression row(String tk, String corpus, String lang, Double premium) {
    return new Compression(tk, corpus, "general", lang, 10, 1000, 250, 4.0, 4.0, 1.3, 0.2, 0.8, 1.0, premium,
        0.4, 1e5);
  }

  static String premiumSection(List<Compression> rows, List<String> tks) {
    ReportData data = new ReportData(rows, List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
    String html = new ReportPage(data, tks, "t").render(null, "now");
    int at = html.indexOf("<section id=\"premium\">");
    assertTrue(at >= 0, "premium section");
    return html.substring(at, html.indexOf("</section>", at));
  }

  /** tooltip → fill of every data cell or bar in the section. */
  static Map<String, String> fills(String section) {
    Map<String, String> m = new LinkedHashMap<>();
    Matcher x = MARK.matcher(section);
    while (x.find()) {
      m.put(x.group(6), x.group(4));
    }
    return m;
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  @Test
  void manyLanguagesGetACompactHeatMapWithTheRightValuesAndColours() {
    String s = premiumSection(sixtyLanguages(), TKS);

    Matcher svg = SVG.matcher(s);
    assertTrue(svg.find(), s.substring(0, Math.min(2000, s.length())));
    assertEquals("premium-syn", svg.group(1)); // same chart id as the bar chart had
    double height = Double.parseDouble(svg.group(3));
    assertFalse(svg.find(), "one chart");
    // 60 rows of 13 px + 3 gaps between the 4 scripts = 792 px, plus the scale and the tokenizer names above
    // and below; the bar chart drew 60 x (3 x 9 + 6) + 4 x 20 = 2,060 px of plot
    assertTrue(height > 792 && height < 60 * 20, "height " + height);
    // heat-map cells, not bars: 13-px rows (12 + 1 gap), 40-px columns, no dashed parity line
    Map<String, String> fill = fills(s);
    assertEquals(180, fill.size());
    assertEquals(179, count(s, "class=\"mark\""));
    assertEquals(1, count(s, "class=\"empty\""));
    Matcher m = MARK.matcher(s);
    while (m.find()) {
      assertEquals("12.0", m.group(3), m.group());
      assertEquals("39.0", m.group(2), m.group());
    }
    assertFalse(s.contains("stroke-dasharray"), "no bar-chart reference line");

    // values, hand-computed from 0.8 + 0.2 i (t + 1) / 3, and their colours (RdYlBu, one stop per doubling):
    // the pivot is parity: 1.00, pale yellow
    assertEquals("#ffffbf", fill.get("eng_Latn · tkA: 1.00"));
    assertEquals("#ffffbf", fill.get("eng_Latn · tkC: 1.00"));
    // l06, tkC: 0.8 + 0.2 x 6 = 2.00, exactly one doubling: the second stop
    assertEquals("#fee090", fill.get("l06_Cyrl · tkC: 2.00"));
    // l16, tkC: 0.8 + 3.2 = 4.00, two doublings
    assertEquals("#fdae61", fill.get("l16_Ethi · tkC: 4.00"));
    // l01, tkA: 0.8 + 0.2/3 = 0.87, below parity: log2 0.8667 = -0.2065 of the way from #ffffbf to #abd9e9
    // = (255 - 84 x 0.2065, 255 - 38 x 0.2065, 191 + 42 x 0.2065) = (238, 247, 200)
    assertEquals("#eef7c8", fill.get("l01_Deva · tkA: 0.87"));
    // l45, tkB: 0.8 + 0.2 x 45 x 2/3 = 6.80; l59, tkC: 0.8 + 11.8 = 12.60, log2 = 3.6554: 0.6554 of the way
    // from the 8x stop (244, 109, 67) to the 16x one (215, 48, 39) = (225, 69, 49)
    assertTrue(fill.containsKey("l45_Deva · tkB: 6.80"), fill.keySet().toString());
    assertEquals("#e14531", fill.get("l59_Latn · tkC: 12.60"));
    assertTrue(fill.containsKey("l30_Cyrl · tkB: no data"));

    // the scale: the octaves the data span, 0.87 .. 12.6 -> 0.5x .. 16x, parity named
    for (String tick : List.of("0.5×", "1×", "2×", "4×", "8×", "16×")) {
      assertTrue(s.contains(">" + tick + "</text>"), tick);
    }
    assertFalse(s.contains(">32×</text>") || s.contains(">0.25×</text>"), "scale beyond the data");
    assertTrue(s.contains(">parity</text>"));
    assertTrue(s.contains(">no data</text>"));
    assertTrue(s.contains(">token premium (× pivot):</text>"));
    assertTrue(s.contains("log scale"), "the caption says what the colours mean");

    // rows in the bar chart's order: scripts Latin first then by code, languages alphabetical within a script
    List<String> groups = new ArrayList<>();
    Matcher g = Pattern.compile("class=\"group\">([^<]+)</text>").matcher(s);
    while (g.find()) {
      groups.add(g.group(1));
    }
    assertEquals(List.of("Latin (Latn)", "Cyrillic (Cyrl)", "Devanagari (Deva)", "Ethiopic (Ethi)"), groups);
    List<String> rowOrder = new ArrayList<>();
    Matcher r = Pattern.compile("text-anchor=\"end\" class=\"tick\">([a-z0-9]+_[A-Za-z]+)</text>").matcher(s);
    while (r.find()) {
      rowOrder.add(r.group(1));
    }
    assertEquals(60, rowOrder.size());
    assertEquals(List.of("eng_Latn", "l03_Latn", "l07_Latn"), rowOrder.subList(0, 3));
    assertEquals(List.of("l59_Latn", "l02_Cyrl"), rowOrder.subList(15, 17));
    assertEquals("l56_Ethi", rowOrder.get(59));

    // the exact numbers are still in the sortable table under the chart
    assertTrue(s.contains("id=\"premium-table-syn\""));
  }

  @Test
  void fewLanguagesKeepTheBarChart() {
    String s = premiumSection(ReportFixtures.floresCompression(), ReportFixtures.TOKENIZERS);
    Map<String, String> fill = fills(s);
    assertEquals(48, fill.size());
    // bars: 8 px high, in the tokenizer's colour; the dashed parity line; no colour scale
    Matcher m = MARK.matcher(s);
    while (m.find()) {
      assertEquals("8.0", m.group(3), m.group());
    }
    assertEquals(Palette.color(3), fill.get("hin_Deva · mistral7b: 4.80"));
    assertEquals(Palette.color(0), fill.get("eng_Latn · gpt4o: 1.00"));
    assertTrue(s.contains("stroke-dasharray"));
    assertFalse(s.contains(">parity</text>"));
    assertFalse(s.contains("log scale"));
  }

  @Test
  void theThresholdIsTwoDozenLanguages() {
    for (int n : new int[] {ReportPage.FEW_LANGUAGES, ReportPage.FEW_LANGUAGES + 1}) {
      List<Compression> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        rows.add(row("tkA", "c", String.format("l%02d_Latn", i), 1.0 + i / 10.0));
      }
      String s = premiumSection(rows, List.of("tkA"));
      assertEquals(n > 24, s.contains(">parity</text>"), n + " languages");
      assertEquals(n > 24, !s.contains("stroke-dasharray"), n + " languages");
    }
  }

  @Test
  void theColourOfAPremiumIsFixedAndClampedBeyondTheScale() {
    // one stop per doubling, whatever else is in the chart
    assertEquals("#ffffbf", Palette.ratio(1));
    assertEquals("#fee090", Palette.ratio(2));
    assertEquals("#d73027", Palette.ratio(16));
    assertEquals("#a50026", Palette.ratio(32));
    assertEquals("#a50026", Palette.ratio(100));
    assertEquals("#abd9e9", Palette.ratio(0.5));
    assertEquals("#4575b4", Palette.ratio(0.01));
    // 25 languages, the last at 40x: the scale stops at 32x and says the data go beyond
    List<Compression> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(row("tkA", "c", String.format("l%02d_Latn", i), i == 24 ? 40.0 : 1.0 + i / 10.0));
    }
    String s = premiumSection(rows, List.of("tkA"));
    assertTrue(s.contains(">≥ 32×</text>"), s);
    assertTrue(s.contains(">1×</text>") && !s.contains(">0.5×</text>"), "scale starts at parity: no premium < 1");
    assertEquals("#a50026", fills(s).get("l24_Latn · tkA: 40.00"));
  }

  @Test
  void floresSizedCorpusStaysAFewScreensTall() {
    // 204 languages over 30 scripts x 15 tokenizers, as the FLORES-200 run in README.md
    List<String> tks = new ArrayList<>();
    for (int t = 0; t < 15; t++) {
      tks.add("tokenizer" + t);
    }
    List<Compression> rows = new ArrayList<>();
    for (String tk : tks) {
      for (int i = 0; i < 204; i++) {
        rows.add(row(tk, "flores200", String.format("x%03d_S%03d", i, i % 30), 0.8 + i * 0.08));
      }
    }
    String s = premiumSection(rows, tks);
    Matcher svg = SVG.matcher(s);
    assertTrue(svg.find());
    double height = Double.parseDouble(svg.group(3));
    // 204 x 13 + 29 x 4 = 2,768 px of cells; the bars needed 204 x (15 x 9 + 6) + 30 x 20 = 29,364 px
    assertTrue(height > 2768 && height < 3000, "height " + height);
    assertEquals(204 * 15, count(s, "class=\"mark\""));
    assertTrue(Double.parseDouble(svg.group(2)) < 1000, "width " + svg.group(2));
    // premiums 0.80 .. 17.04: the scale spans 0.5x .. 32x
    assertTrue(s.contains(">0.5×</text>") && s.contains(">32×</text>") && !s.contains(">64×</text>"));
  }
}
