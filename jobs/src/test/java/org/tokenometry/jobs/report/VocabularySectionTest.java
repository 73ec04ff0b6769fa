package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.VocabProfileRow;

/** The vocabulary section alone: shares by script (the long tail folded) and by category, with their legends. */
class VocabularySectionTest {
  static String section() {
    // A: 60 % Latin, 20 % Han, and 2 % in each of ten more scripts (S0..S9); B: 90 % Latin, 10 % Cyrillic;
    // all of it word_initial except A's Han (inner)
    List<VocabProfileRow> rows = new ArrayList<>();
    rows.add(new VocabProfileRow("A", "word_initial", "Latn", 600, 0.6));
    rows.add(new VocabProfileRow("A", "inner", "Hani", 200, 0.2));
    for (int i = 0; i < 10; i++) {
      rows.add(new VocabProfileRow("A", "word_initial", "S" + i, 20, 0.02));
    }
    rows.add(new VocabProfileRow("B", "word_initial", "Latn", 900, 0.9));
    rows.add(new VocabProfileRow("B", "word_initial", "Cyrl", 100, 0.1));
    ReportData data = new ReportData(List.of(), List.of(), List.of(), rows, List.of(), Map.of(), List.of());
    return ReportHtml.render(new VocabularySection(), data, List.of("A", "B"));
  }

  @Test
  void scriptsBeyondTheEighthFoldIntoOther() {
    String s = section();
    Map<String, String[]> segs = ReportHtml.rects(ReportHtml.chart(s, "vocab-script"));
    // scripts by total share: Latn 1.5, Hani 0.2, Cyrl 0.1, then S0..S4 (0.02 each, by code) make eight;
    // S5..S9 fold into "other scripts" (5 x 2 % = 10 %, grey)
    assertEquals("#dddddd", segs.get("A · other scripts: 10.0 %")[4]);
    // the bar runs from right of the labels ("A": 6.6 + 14 = 20.6; the 20-px floor is below) to 620: Latin is
    // 60 % of 599.4 px = 359.6 px, in Tol's muted indigo
    String[] latin = segs.get("A · Latin (Latn): 60.0 %");
    assertEquals("359.6", latin[2]);
    assertEquals("#332288", latin[4]);
    assertEquals("#88ccee", segs.get("A · Han (Hani): 20.0 %")[4]);
    assertEquals("#44aa99", segs.get("B · Cyrillic (Cyrl): 10.0 %")[4]);
    assertEquals(List.of("Latin (Latn)", "Han (Hani)", "Cyrillic (Cyrl)", "S0", "S1", "S2", "S3", "S4",
        "other scripts"), ReportHtml.all(s.substring(0, s.indexOf("vocab-category")), "</span>([^<]+)</li>"));
  }

  @Test
  void categoriesAndTheTable() {
    String s = section();
    Map<String, String[]> segs = ReportHtml.rects(ReportHtml.chart(s, "vocab-category"));
    assertEquals(3, segs.size()); // A: inner 20 %, word_initial 80 %; B: word_initial 100 %
    assertTrue(segs.containsKey("A · word_initial: 80.0 %") && segs.containsKey("B · word_initial: 100.0 %"));
    assertTrue(ReportHtml.table(s, "vocab-table").contains("<tr data-tk=\"B\"><td data-v=\"B\">B</td>"));
  }
}
