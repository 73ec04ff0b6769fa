package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.all;
import static org.tokenometry.jobs.report.ReportHtml.rects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.metrics.VocabCensus;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabTokensRow;

/**
 * The census section alone: a small bar chart per class with each tokenizer's share on the class's own axis, the
 * count in the tooltip; example pieces escaped, spaces visible; the per-corpus table when there are corpora.
 */
class VocabCensusSectionTest {
  static final List<String> TKS = List.of("A", "B");

  /**
   * A: 1,000 pieces: 3 special, 256 single bytes, 40 unreachable, 10 subsumed, 400 never emitted, 100 rare; B:
   * 2,000 pieces: 1 special, 256 single bytes, 1,000 never emitted (no subsumed row); both no partial UTF-8.
   * B's corpus classes also per corpus (c1, c2).
   */
  static List<VocabHealthRow> health() {
    List<VocabHealthRow> rows = new ArrayList<>();
    long[][] counts = {{3, 256, 0, 40, 10, 400, 100}, {1, 256, 0, 20, -1, 1000, 50}};
    long[] vocab = {1000, 2000};
    List<String> flags = VocabCensus.FLAGS;
    for (int t = 0; t < 2; t++) {
      for (int f = 0; f < flags.size(); f++) {
        if (counts[t][f] >= 0) {
          rows.add(new VocabHealthRow(TKS.get(t), null, flags.get(f), counts[t][f], (double) counts[t][f] / vocab[t]));
        }
      }
    }
    rows.add(new VocabHealthRow("B", "c1", "never_emitted", 1200, 0.6));
    rows.add(new VocabHealthRow("B", "c2", "never_emitted", 1500, 0.75));
    return rows;
  }

  /** A's pieces: ids 0..6 single bytes, three never-emitted pieces of 12, 8 and 8 bytes, and a special token. */
  static List<VocabTokensRow> examples() {
    List<VocabTokensRow> rows = new ArrayList<>();
    for (int id = 0; id < 7; id++) {
      String c = String.valueOf((char) ('a' + id));
      rows.add(new VocabTokensRow("A", id, c, c, 1, "Latn", List.of("single_byte"), 10));
    }
    rows.add(new VocabTokensRow("A", 300, "Ġ-------", " -------", 8, "Common", List.of("never_emitted"), 0));
    rows.add(new VocabTokensRow("A", 200, "ĠÃÂÃÂ", " ÃÂÃÂ", 8, "Latn", List.of("never_emitted", "subsumed"), 0));
    rows.add(new VocabTokensRow("A", 500, "Ġ-----------", " -----------", 12, "Common", List.of("never_emitted"), 0));
    rows.add(new VocabTokensRow("A", 999, "<|endoftext|>", "<|endoftext|>", 13, "Common", List.of("special"), 0));
    return rows;
  }

  static String section(List<String> missing) {
    ReportData data = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), health(), examples(), Map.of(), missing);
    return ReportHtml.render(new VocabCensusSection(), data, TKS);
  }

  @Test
  void aPanelPerClassOnItsOwnAxis() {
    String s = section(List.of());
    assertEquals(List.of("census-special", "census-single_byte", "census-partial_utf8", "census-unreachable",
        "census-subsumed", "census-never_emitted", "census-rare"), ReportHtml.ids(s));
    String never = ReportHtml.chart(s, "census-never_emitted");
    // 320 px wide; the plot from right of "B" (6.6 + 16 = 22.6 px) to 40 px before the end: 257.4 px, to 50 %
    // (B's share); A's 40 % is 4/5 of it
    assertEquals(320, ReportHtml.size(never)[0], 0.01);
    Map<String, String[]> bars = rects(never);
    assertEquals("205.9", bars.get("A · never emitted: 40.00 % (400 pieces)")[2]);
    assertEquals("257.4", bars.get("B · never emitted: 50.00 % (1,000 pieces)")[2]);
    assertEquals(Palette.series(2).get(1), bars.get("B · never emitted: 50.00 % (1,000 pieces)")[4]);
    // ticks every 10 %, without the tooltips' decimals
    assertTrue(never.contains(">10 %</text>") && never.contains(">50 %</text>"), never);
    // special tokens are 0.3 % and 0.05 % (three decimals below 0.1 %): their own axis to 0.3 %, ticks every 0.1 %
    String special = ReportHtml.chart(s, "census-special");
    assertEquals("257.4", rects(special).get("A · special: 0.30 % (3 pieces)")[2]);
    assertEquals("42.9", rects(special).get("B · special: 0.050 % (1 pieces)")[2]);
    assertTrue(special.contains(">0.1 %</text>") && special.contains(">0.3 %</text>"), special);
    // B has no subsumed row: no bar, not a zero
    assertEquals(List.of("A · subsumed: 1.00 % (10 pieces)"), List.copyOf(rects(ReportHtml.chart(s,
        "census-subsumed")).keySet()));
    assertTrue(s.contains("never emitted: never emitted on this run&#39;s corpora."), "the caption defines classes");
  }

  @Test
  void aNarrowPanelKeepsOnlyTicksWhoseLabelsFit() {
    // 0 .. 1.2 % every 0.2 %: seven labels of "0.20 %" (6 x 6.6 + 8 = 47.6 px) need 333 px; a panel's 172 px
    // fit every third (3 x 47.6 = 142.8)
    List<Double> ticks = List.of(0.0, 0.002, 0.004, 0.006, 0.008, 0.010, 0.012);
    assertEquals(List.of(0.0, 0.006, 0.012), BarChart.spaced(ticks, v -> Html.pct(v, 2), 172));
    assertEquals(ticks, BarChart.spaced(ticks, v -> Html.pct(v, 2), 340), "room for all");
  }

  @Test
  void exampleCellsShowTheLongestPiecesEscaped() {
    String table = ReportHtml.table(section(List.of()), "census-table");
    int at = table.indexOf("<td data-v=\"never emitted\">");
    String row = table.substring(at, table.indexOf("</tr>", at));
    // 12 bytes first, then the two of 8 by id; spaces as ␣; the id, stored piece, size and count in the tooltip
    assertEquals(List.of("␣-----------", "␣ÃÂÃÂ", "␣-------"), all(row, "<code class=\"piece\"[^>]*>([^<]+)</code>"));
    assertTrue(row.contains("<code class=\"piece\" title=\"id 500 · Ġ----------- · 12 bytes · 0 occurrences\">"), row);
    // five of the seven single bytes, lowest ids first
    int sb = table.indexOf("<td data-v=\"single byte\">");
    assertEquals(List.of("a", "b", "c", "d", "e"), all(table.substring(sb, table.indexOf("</tr>", sb)),
        "<code class=\"piece\"[^>]*>([^<]+)</code>"));
    assertTrue(table.contains(">&lt;|endoftext|&gt;</code>"), "a piece's text is escaped");
    assertTrue(table.contains("<tr data-tk=\"B\"><td data-v=\"B\">B</td><td data-v=\"never emitted\">never emitted</td>"
        + "<td class=\"n\" data-v=\"1000.0\">1,000</td><td class=\"n\" data-v=\"0.5\">50.00 %</td><td data-v=\"\">"
        + "</td></tr>"), "no examples for B");
  }

  @Test
  void perCorpusCountsAndMissingExamples() {
    String s = section(List.of("vocab_tokens"));
    String corpus = ReportHtml.table(s, "census-corpus-table");
    assertEquals(List.of("c1", "c2"), all(corpus, "<td data-v=\"(c[12])\">"));
    assertTrue(s.contains("No examples: there is no vocab_tokens table."));
    assertFalse(section(List.of()).contains("No examples"));
    ReportData none = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(),
        List.of("vocab_health", "vocab_tokens"));
    assertEquals("no vocab_health table (the tokenize stage writes it)", new VocabCensusSection().skipReason(none));
  }
}
