package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.rects;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.NumbersRow;

/**
 * The numbers section alone: digit-group F1 per number set and tokenizer, the digit pieces by length stacked (one
 * number set at a time) and the table. The generated rows are the README's hand-checked ones: cl100k cuts 12
 * integers of 1 to 12 digits into 4 one-, 4 two- and 22 three-digit pieces (precision = recall = 1/3), Llama-2
 * into single digits (precision 18/66, recall 1, F1 3/7).
 */
class NumbersSectionTest {
  static final List<String> TKS = List.of("cl", "ll");

  static List<NumbersRow> rows() {
    return List.of(
        new NumbersRow("cl", "generated_integers", 12, 78, 30, 4 / 30.0, 4 / 30.0, 22 / 30.0, 0.0, 0.0, 1 / 3.0,
            1 / 3.0, 1 / 3.0),
        new NumbersRow("ll", "generated_integers", 12, 78, 78, 1.0, 0.0, 0.0, 0.0, 0.0, 18 / 66.0, 1.0, 3 / 7.0),
        new NumbersRow("ll", "corpus", 100, 300, 300, 1.0, 0.0, 0.0, 0.0, 0.0, 0.2, 1.0, 1 / 3.0),
        new NumbersRow("cl", "corpus", 100, 300, 120, 0.5, 0.2, 0.3, 0.0, 0.1, 0.8, 0.9, 0.85));
  }

  static String section() {
    ReportData data = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        rows(), List.of(), List.of(), Map.of(), List.of());
    return ReportHtml.render(new NumbersSection(), data, TKS);
  }

  @Test
  void digitGroupF1PerNumberSet() {
    Map<String, String[]> bars = rects(ReportHtml.chart(section(), "numbers-f1"));
    assertEquals(4, bars.size());
    // the axis to 1 (dashed: every cut on a group), right of "the corpora's numbers" (21 x 6.6 + 16 = 154.6 px)
    // to 600: 0.85 x 445.4 = 378.6 px
    assertEquals("378.6", bars.get("the corpora&#39;s numbers · cl: 0.85 (precision 0.80, recall 0.90, 100 "
        + "numbers)")[2]);
    assertTrue(section().contains("<line x1=\"600.0\" y1=\"10.0\" x2=\"600.0\""), "the dashed line at 1");
    String[] ll = bars.get("generated integers · ll: 0.43 (precision 0.27, recall 1.00, 12 numbers)");
    assertEquals(Palette.series(2).get(1), ll[4]);
    // the corpus's own numbers first, as the README lists the sets
    assertTrue(section().indexOf("the corpora&#39;s numbers ·") < section().indexOf("generated integers ·"));
  }

  @Test
  void piecesByLengthStackedOneSetAtATime() {
    String s = section();
    assertTrue(s.contains("<select name=\"numberset\"><option value=\"corpus\">the corpora&#39;s numbers</option>"
        + "<option value=\"generated_integers\">generated integers</option></select>"));
    assertTrue(s.contains("<div class=\"rcombo\" data-numberset=\"generated_integers\" hidden>"));
    Map<String, String[]> segs = rects(ReportHtml.chart(s, "numbers-pieces-generated_integers"));
    // right of "cl" (2 x 6.6 + 14 = 27.2 px) to 620: 22/30 of 592.8 px, in the third muted colour
    String[] three = segs.get("cl · 3 digits: 73.3 %");
    assertEquals("434.7", three[2]);
    assertEquals("#44aa99", three[4]);
    assertEquals("592.8", segs.get("ll · 1 digit: 100.0 %")[2]);
    assertEquals(4, segs.size(), "cl: 1, 2, 3 digits; ll: 1 digit; no empty segments");
  }

  @Test
  void theTableHasEveryColumn() {
    String t = ReportHtml.table(section(), "numbers-table");
    assertTrue(t.contains("<tr data-tk=\"ll\"><td data-v=\"ll\">ll</td><td data-v=\"generated_integers\">"
        + "generated_integers</td><td class=\"n\" data-v=\"12.0\">12</td><td class=\"n\" data-v=\"78.0\">78</td>"
        + "<td class=\"n\" data-v=\"78.0\">78</td><td class=\"n\" data-v=\"1.0\">100.0 %</td>"), t);
    assertTrue(t.contains("<td class=\"n\" data-v=\"0.2727272727272727\">0.273</td><td class=\"n\" data-v=\"1.0\">"
        + "1.000</td><td class=\"n\" data-v=\"0.42857142857142855\">0.429</td></tr>"), t);
    // rows in the run's order of tokenizers, then the sets' order
    assertEquals(List.of("cl", "cl", "ll", "ll"), ReportHtml.all(t, "<tr data-tk=\"([a-z]+)\">"));
  }
}
