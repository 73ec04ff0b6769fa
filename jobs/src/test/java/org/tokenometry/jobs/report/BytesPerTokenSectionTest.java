package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The bytes-per-token section alone: a few languages are columns with the value written in each cell; beyond
 * {@link LanguageGrids#FEW_LANGUAGES} a row per language grouped by script (FLORES-200's 204 languages no longer
 * make a chart 9,500 px wide); the colour scale runs from the 2nd to the 98th percentile with the cells beyond
 * marked, and leaves out numbers flagged for unknown tokens; bars per domain in each tokenizer's colour.
 */
class BytesPerTokenSectionTest {
  /** Language i is {@code x<i>_<SCRIPTS[i % 6]>}: deliberately not in the page's order. */
  static final String[] SCRIPTS = {"Latn", "Cyrl", "Arab", "Deva", "Ethi", "Hans"};
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
  static List<CompressionRow> compression() {
    List<CompressionRow> rows = new ArrayList<>();
    for (int t = 0; t < TKS.size(); t++) {
      for (int i = 0; i < 204; i++) {
        if (i == 7 && t == 3) {
          continue;
        }
        rows.add(row(TKS.get(t), "syn", "general", lang(i), 4000, 1000 + 10 * i + 100 * t));
        if (i == 5) {
          rows.add(row(TKS.get(t), "syn", "news", lang(i), 2000, 1000));
        }
      }
    }
    return rows;
  }

  static CompressionRow row(String tk, String corpus, String domain, String lang, long bytes, long tokens) {
    return Rows.compression(tk, corpus, domain, lang, 10, bytes, tokens, (double) bytes / tokens, 1.0, 1.3, 0.2,
        0.8, 1.0, null, 0.4, 1e5);
  }

  static String section(List<CompressionRow> rows, List<CoverageRow> coverage, List<String> tks) {
    return ReportHtml.render(new BytesPerTokenSection(), ReportHtml.data(rows, coverage), tks);
  }

  @Test
  void floresSizedMapHasALanguagePerRowAndARobustScale() {
    String svg = ReportHtml.chart(section(compression(), List.of(), TKS), "bpt-syn");
    double[] size = size(svg);
    // the gutter fits "Han, simplified (Hans)" in bold (22 x 6.6 x 1.1 + 12 = 171.72), then "x000_Latn"
    // (9 x 6.6 + 10 = 69.4), 15 columns of 40 px, the last name's rotated overhang (72.6 x cos 40° = 55.61), 8
    assertEquals(171.72 + 69.4 + 15 * 40 + 55.61 + 8, size[0], 0.05);
    // the key (6 + 22 px), the names above, 204 rows of 13 px and 5 gaps of 4 px, the names below, 8 px
    assertEquals(6 + 22 + NAMES_H + 204 * 13 + 5 * 4 + NAMES_H + 8, size[1], 0.05);
    assertEquals(204 * 15 - 1, count(svg, "class=\"mark\""));
    assertEquals(List.of("12.0x39.0"), ReportHtml.cellSizes(svg).stream().distinct().toList());

    // 3,059 values; nearest rank: the 2nd percentile is the 62nd smallest (ceil(0.02 x 3059) = 62), 4000 / 4130
    // = 0.9685 (x203 under tokenizer11 and its equals), the 98th the 2998th, 4000 / 1310 = 3.0534 (x031 under
    // tokenizer0 and its equals): 60 cells lie below the scale and 61 above, each marked
    Map<String, String> fill = fills(svg);
    assertEquals(204 * 15, fill.size());
    assertEquals("#253494", fill.get("x000_Latn · tokenizer0: 4.00 (▲ above the colour scale)"));
    assertEquals("#ffffcc", fill.get("x203_Hans · tokenizer14: 0.90 (▼ below the colour scale)"));
    assertEquals(61, count(svg, "(▲ above the colour scale)"));
    assertEquals(60, count(svg, "(▼ below the colour scale)"));
    assertEquals(61, count(svg, ">▲</text>"));
    // x100, tokenizer0: 4000 / 2000 = 2.00 sits (2 - 0.9685) / (3.0534 - 0.9685) = 0.4947 along the ramp,
    // 1.9789 stops: 0.9789 of the way from (161, 218, 180) to (65, 182, 196) = (67, 183, 196)
    assertEquals("#43b7c4", fill.get("x100_Ethi · tokenizer0: 2.00"));
    // x005 has two domains, summed: (4000 + 2000) / (1050 + 1000) = 2.93 and / (2450 + 1000) = 1.74
    assertTrue(fill.containsKey("x005_Hans · tokenizer0: 2.93"));
    assertTrue(fill.containsKey("x005_Hans · tokenizer14: 1.74"));
    assertEquals("#d9d9d9", fill.get("x007_Cyrl · tokenizer3: no data"));

    // the key: five swatches from the 2nd to the 98th percentile, steps of 2.0849 / 4, the ends marked
    assertTrue(svg.contains(">bytes/token:</text>"));
    for (String v : List.of("≤0.97", "1.49", "2.01", "2.53", "≥3.05")) {
      assertTrue(svg.contains(">" + v + "</text>"), v);
    }
    assertTrue(svg.contains(">▲▼ beyond the 2nd–98th percentile</text>"));
    assertTrue(svg.contains(">no data</text>"));

    // scripts Latin first, then by code; languages alphabetical within a script; tokenizers in the run's order
    assertEquals(List.of("Latin (Latn)", "Arabic (Arab)", "Cyrillic (Cyrl)", "Devanagari (Deva)",
        "Ethiopic (Ethi)", "Han, simplified (Hans)"), all(svg, "class=\"group\">([^<]+)</text>"));
    List<String> rows = all(svg, "class=\"tick\" data-lang=\"[^\"]+\">([a-z0-9]+_[A-Za-z]+)</text>");
    assertEquals(List.of("x000_Latn", "x006_Latn", "x012_Latn"), rows.subList(0, 3));
    assertEquals(List.of("x198_Latn", "x002_Arab"), rows.subList(33, 35)); // 34 Latin languages
    assertEquals(TKS, all(svg, "transform=\"rotate\\(-40[^>]*>([^<]+)</text>"));
    assertEquals(2, count(svg, ">tokenizer14</text>"), "names above and below a long grid");
  }

  @Test
  void fewLanguagesAreColumnsWithTheValueInEachCellAndFlaggedCellsOutOfTheScale() {
    // mistral7b on Amharic: 20 % unknown tokens; its 0.88 bytes per token (the smallest) leaves the scale,
    // which now runs from llama3 on Amharic (1.63) to gemma3 on Hindi (8.83)
    List<CoverageRow> coverage = List.of(PremiumSectionTest.unk("mistral7b", "flores200", "amh_Ethi", 0.2));
    String s = section(ReportFixtures.floresCompression(), coverage, ReportFixtures.TOKENIZERS);
    String svg = ReportHtml.chart(s, "bpt-flores200");
    double[] size = size(svg);
    // 12 columns of 46 px right of "mistral7b" (9 x 6.6 + 14 px), + 20; 4 rows of 22 px, + 74 + 46
    assertEquals(9 * 6.6 + 14 + 12 * 46 + 20, size[0], 0.05);
    assertEquals(74 + 4 * 22 + 46, size[1], 0.05);
    assertEquals(List.of("21.0x45.0"), ReportHtml.cellSizes(svg).stream().distinct().toList());
    // eng_Latn, gpt4o = 130000 / 26000 = 5.00, written in the second column (deu, eng, fra, tur: 73.4 + 46 +
    // 23 = 142.4) of the first row (74 + 11 + 4 = 89), dark text: (5 - 1.63) / (8.83 - 1.63) = 0.47 of the ramp
    assertTrue(svg.contains("<text x=\"142.4\" y=\"89.0\" text-anchor=\"middle\" class=\"cell\" data-tk=\"gpt4o\" "
        + "data-lang=\"eng_Latn\" style=\"fill:#222222\">5.00</text>"), "the value in its cell");
    String[] amh = rects(svg).get("mistral7b · amh_Ethi Amharic (Ethiopic): 0.88 (⚠ 20.0 % unknown tokens: left "
        + "out of the colour scale)");
    assertEquals("#f7f7f7", amh[4]);
    assertTrue(svg.contains("style=\"fill:#777777\">0.88⚠</text>"));
    for (String v : List.of("1.63", "3.43", "5.23", "7.03", "8.83")) {
      assertTrue(svg.contains(">" + v + "</text>"), v); // 48 values: too few to clip, ends are min and max
    }
    assertEquals(List.of("Latn", "Arab", "Cyrl", "Deva", "Ethi", "Grek", "Hans", "Jpan", "Thai"),
        all(svg, "class=\"group\">([^<]+)</text>"));
    assertTrue(s.contains("⚠ mistral7b: more than 1 % of the tokens are unknown"));
  }

  @Test
  void theMapTurnsAtTheSameThresholdAsThePremiumChart() {
    for (int n : new int[] {LanguageGrids.FEW_LANGUAGES, LanguageGrids.FEW_LANGUAGES + 1}) {
      List<CompressionRow> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        rows.add(row("tkA", "syn", "general", lang(i), 4000, 1000 + i));
      }
      String svg = ReportHtml.chart(section(rows, List.of(), List.of("tkA")), "bpt-syn");
      assertEquals(List.of(n > 24 ? "12.0x39.0" : "21.0x45.0"), ReportHtml.cellSizes(svg).stream().distinct()
          .toList(), n + " languages");
    }
  }

  @Test
  void domainsGetBarsInEachTokenizersColourSummedBeforeDividing() {
    // two single-language corpora; B's finance text is two rows: (900 + 100) bytes / (300 + 100) tokens = 2.50,
    // with 4 % unknown tokens on the first: 300 x 0.04 / 400 = 3.0 % over the domain, flagged
    List<CompressionRow> rows = List.of(row("A", "fin", "finance", "eng_Latn", 1000, 250),
        row("B", "fin", "finance", "eng_Latn", 900, 300), row("B", "fin2", "finance", "eng_Latn", 100, 100),
        row("A", "med", "biomedical", "eng_Latn", 1200, 400), row("B", "med", "biomedical", "eng_Latn", 600, 300));
    String s = section(rows, List.of(PremiumSectionTest.unk("B", "fin", "eng_Latn", 0.04)), List.of("A", "B"));
    assertEquals(List.of("bpt-domain"), ReportHtml.ids(s));
    Map<String, String[]> bars = rects(s);
    // A 4.00 and 3.00, B 2.50 and 2.00; the axis ends at 4 (ticks every 0.5); the plot runs from right of
    // "biomedical" (10 x 6.6 + 16 = 82 px) to 600: 518 px; A's biomedical bar 3 / 4 x 518 = 388.5 px
    assertEquals("518.0", bars.get("finance · A: 4.00")[2]);
    assertEquals("388.5", bars.get("biomedical · A: 3.00")[2]);
    assertEquals("mark bar flagged", bars.get("finance · B: 2.50 (⚠ 3.0 % unknown tokens)")[5]);
    assertEquals("mark bar", bars.get("biomedical · B: 2.00")[5]);
    // Tol's 2-colour set from the red end: A #dc050c, B #1965b0
    assertEquals("#dc050c", bars.get("finance · A: 4.00")[4]);
    assertEquals("#1965b0", bars.get("biomedical · B: 2.00")[4]);
    assertTrue(s.contains("⚠ B: more than 1 % of the tokens are unknown ([UNK]) where marked"));
  }
}
