package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.FairnessRow;

/** The fairness section alone: a Gini bar per tokenizer in its colour, flagged ones pale, and the table. */
class FairnessSectionTest {
  static String section() {
    List<FairnessRow> rows = List.of(
        new FairnessRow("A", "flores", 12, "eng_Latn", 1.65, 3.40, "amh_Ethi", 0.10, 0.12, 0.05),
        new FairnessRow("B", "flores", 12, "eng_Latn", 1.10, 1.90, "tha_Thai", 0.20, 0.12, 0.15),
        new FairnessRow("C", "flores", 12, "eng_Latn", 1.20, 1.50, "hin_Deva", 0.05, null, null));
    // B emits 40 % unknown tokens on Thai: its premiums there, and so its Gini, are artefacts
    ReportData data = new ReportData(List.of(), List.of(PremiumSectionTest.unk("B", "flores", "tha_Thai", 0.4)),
        rows, List.of(), List.of(), Map.of(), List.of());
    return ReportHtml.render(new FairnessSection(), data, List.of("A", "B", "C"));
  }

  @Test
  void aBarPerTokenizerInItsColour() {
    Map<String, String[]> bars = ReportHtml.rects(section());
    assertEquals(3, bars.size());
    // one bar per row: 14 px; the axis ends at 0.20 (ticks of 0.02); the plot starts right of "A" (6.6 + 16 px)
    // and ends 40 px before 640: 577.4 px; A's 0.10 is half of it
    String[] a = bars.get("A · A: 0.10");
    assertEquals("288.7", a[2]);
    assertEquals("14.0", a[3]);
    // Tol's 3-colour set from the red end: A #dc050c, B #1965b0, C #f7f056
    assertEquals("#dc050c", a[4]);
    assertEquals("#f7f056", bars.get("C · C: 0.05")[4]);
    assertEquals("mark bar flagged", bars.get("B · B: 0.20 (⚠ unknown tokens on some languages)")[5]);
  }

  @Test
  void theTableNamesTheMostExpensiveLanguageAndMarksFlaggedNumbers() {
    String t = ReportHtml.table(section(), "fairness-table");
    // then the Ginis of the byte premiums (the texts') and of the tokenizer premiums (what the tokenizer adds)
    assertTrue(t.contains("<td data-v=\"amh_Ethi\">amh_Ethi</td><td data-v=\"Amharic (Ethiopic)\">Amharic (Ethiopic)"
        + "</td><td class=\"n\" data-v=\"0.1\">0.100</td><td class=\"n\" data-v=\"0.12\">0.120</td>"
        + "<td class=\"n\" data-v=\"0.05\">0.050</td></tr>"), t);
    int at = t.indexOf("<tr data-tk=\"B\">");
    String b = t.substring(at, t.indexOf("</tr>", at));
    // the byte premiums' Gini owes nothing to the tokenizer's unknown tokens
    assertEquals(4, ReportHtml.count(b, "class=\"n flagged\""), "mean, max, Gini, tokenizer premiums' Gini: " + b);
    assertTrue(b.contains("<td class=\"n\" data-v=\"0.12\">0.120</td>"), b);
  }
}
