package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.all;
import static org.tokenometry.jobs.report.ReportHtml.count;
import static org.tokenometry.jobs.report.ReportHtml.fills;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.CoverageRow;

/**
 * The coverage section alone: the split-character heat map (laid out as the bytes-per-token map), the list of
 * numbers flagged for unknown tokens, and the coverage table with the flags and language names.
 */
class CoverageSectionTest {
  static CoverageRow row(String tk, String corpus, String lang, double unk, double split) {
    return Rows.coverage(tk, corpus, lang, unk, 0, split, 1000L, 100L, 0.1, null, null);
  }

  static String section(List<CoverageRow> rows, List<String> tks) {
    return ReportHtml.render(new CoverageSection(), ReportHtml.data(List.of(), rows), tks);
  }

  @Test
  void floresSizedSplitCharacterMapHasALanguagePerRow() {
    // language i under tokenizer t splits (i + 10 t) / 1000 of its characters
    List<CoverageRow> rows = new ArrayList<>();
    for (int t = 0; t < 15; t++) {
      for (int i = 0; i < 204; i++) {
        rows.add(row(BytesPerTokenSectionTest.TKS.get(t), "syn", BytesPerTokenSectionTest.lang(i), 0, (i + 10.0 * t)
            / 1000));
      }
    }
    String svg = ReportHtml.chart(section(rows, BytesPerTokenSectionTest.TKS), "split-syn");
    double names = BytesPerTokenSectionTest.NAMES_H;
    assertEquals(6 + 22 + names + 204 * 13 + 5 * 4 + names + 8, ReportHtml.size(svg)[1], 0.05);
    assertEquals(204 * 15, count(svg, "class=\"mark\""));
    assertFalse(svg.contains(">no data</text>"), "nothing missing, no no-data swatch");
    // 60 values lie below 3.0 % (t = 0: i < 30; t = 1: i < 20; t = 2: i < 10), so 3.0 % is the 62nd smallest of
    // 3,060, the 2nd percentile; symmetrically 31.3 % the 98th
    Map<String, String> fill = fills(svg);
    assertEquals("#ffffcc", fill.get("x000_Latn · tokenizer0: 0.0 % (▼ below the colour scale)"));
    assertEquals("#253494", fill.get("x203_Hans · tokenizer14: 34.3 % (▲ above the colour scale)"));
    assertEquals(60, count(svg, "(▲ above the colour scale)"));
    // x050, tokenizer3: 8.0 %: (8.0 - 3.0) / (31.3 - 3.0) = 0.1767 of the ramp, 0.7067 of the way from
    // (255, 255, 204) to (161, 218, 180) = (189, 229, 187)
    assertEquals("#bde5bb", fill.get("x050_Arab · tokenizer3: 8.0 %"));
    for (String v : List.of("≤3.0 %", "10.1 %", "17.2 %", "24.2 %", "≥31.3 %")) {
      assertTrue(svg.contains(">" + v + "</text>"), v);
    }
    assertTrue(svg.contains(">split-character rate:</text>"));
    assertEquals("Latin (Latn)", all(svg, "class=\"group\">([^<]+)</text>").get(0));
  }

  @Test
  void unknownTokensAreListedAndFlaggedWherever() {
    // B emits 30 % unknown tokens on Thai and 2 % on Hindi; A 0.5 % on Thai (under the 1 % limit)
    List<CoverageRow> rows = List.of(row("A", "c", "eng_Latn", 0, 0), row("A", "c", "hin_Deva", 0, 0.2),
        row("A", "c", "tha_Thai", 0.005, 0.4), row("B", "c", "eng_Latn", 0, 0), row("B", "c", "hin_Deva", 0.02, 0.1),
        row("B", "c", "tha_Thai", 0.3, 0.05));
    String s = section(rows, List.of("A", "B"));
    // the split map: B's Hindi and Thai cells grey with ⚠, outside the scale (0 .. 40 %, A's own)
    Map<String, String> fill = fills(ReportHtml.chart(s, "split-c"));
    assertEquals("#f7f7f7", fill.get("B · tha_Thai Thai (Thai): 5.0 % (⚠ 30.0 % unknown tokens: left out of the "
        + "colour scale)"));
    assertEquals("#253494", fill.get("A · tha_Thai Thai (Thai): 40.0 %"));
    assertTrue(s.contains("⚠ B: more than 1 % of the tokens are unknown"));
    // the list, largest first, with names
    String unk = ReportHtml.table(s, "unk-table");
    assertEquals(List.of("tha_Thai", "hin_Deva"), all(unk, "<tr data-tk=\"B\" data-lang=\"([^\"]+)\">"));
    assertTrue(unk.contains("<td data-v=\"Thai (Thai)\">Thai (Thai)</td><td class=\"n\" data-v=\"0.3\">30.0 %</td>"));
    assertEquals(2, count(unk, "<tr "), "A's 0.5 % is under the limit");
    // the coverage table marks the flagged UNK rates
    String table = ReportHtml.table(s, "coverage-table");
    assertTrue(table.contains("<td class=\"n flagged\" title=\"⚠ 2.0 % unknown tokens\" data-v=\"0.02\">2.00 % ⚠</td>"),
        table);
    assertTrue(table.contains("<td class=\"n\" data-v=\"0.005\">0.50 %</td>"));
  }
}
