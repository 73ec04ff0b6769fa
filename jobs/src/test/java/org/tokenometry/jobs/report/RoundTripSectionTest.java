package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.fills;
import static org.tokenometry.jobs.report.ReportHtml.rects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.RoundTripRow;

/**
 * The round-trip section alone: why some tokenizers cannot score 1, documents back exactly per corpus (bars)
 * and per language (heat map), the worst language of the other rates, and every row.
 */
class RoundTripSectionTest {
  static final List<String> TKS = List.of("bpe", "wp", "words");

  /**
   * bpe gives everything back; wp (WordPiece) on flores: English 30 % exact, 90 % as its normal form, CER 1 %,
   * fidelity 50 %; Hindi 0 %, 20 %, 30 %, 40 %, 5 % unknown characters; Thai 0 %, 0 %, 60 %, 30 %, 30 %; on fin
   * (English only) 1 of 10 exact. words cannot decode. 100 documents per flores language, 10 on fin.
   */
  static List<RoundTripRow> rows() {
    List<RoundTripRow> rows = new ArrayList<>();
    for (String lang : List.of("eng_Latn", "hin_Deva", "tha_Thai")) {
      rows.add(Rows.roundtrip("bpe", "flores", lang, 100, 1.0, 1.0, null, 0, 1.0, 0, 0.0));
      rows.add(Rows.roundtrip("words", "flores", lang, 100, null, null, null, 0, null, 0, 0.0));
    }
    rows.add(Rows.roundtrip("wp", "flores", "eng_Latn", 100, 0.3, 0.9, 0.01, 10, 0.5, 0, 0.0));
    rows.add(Rows.roundtrip("wp", "flores", "hin_Deva", 100, 0.0, 0.2, 0.3, 80, 0.4, 500, 0.05));
    rows.add(Rows.roundtrip("wp", "flores", "tha_Thai", 100, 0.0, 0.0, 0.6, 100, 0.3, 3000, 0.3));
    rows.add(Rows.roundtrip("bpe", "fin", "eng_Latn", 10, 1.0, 1.0, null, 0, 1.0, 0, 0.0));
    rows.add(Rows.roundtrip("wp", "fin", "eng_Latn", 10, 0.1, 1.0, null, 0, 0.9, 0, 0.0));
    return rows;
  }

  static String section() {
    ReportData data = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), rows(), List.of(),
        List.of(), List.of(), List.of(), Map.of(), List.of());
    return ReportHtml.render(new RoundTripSection(), data, TKS);
  }

  @Test
  void theReasonComesFirstThenDocumentsBackPerCorpus() {
    String s = section();
    assertTrue(s.startsWith("<p class=\"note\">Byte-level BPE"), s.substring(0, 100));
    assertTrue(s.contains("WordPiece (minilm, bge_small_zh) scores below 1 by design: lower-casing"));
    Map<String, String[]> bars = rects(ReportHtml.chart(s, "roundtrip-exact"));
    // wp on flores: 30 of 300 documents exact; as the normal form (90 + 20 + 0) / 300 = 36.7 %; words: no bar
    assertEquals(4, bars.size());
    String[] wp = bars.get("flores · wp: 10.0 % (30 of 300 documents; normal form 36.7 %)");
    // the axis to 100 %, right of "flores" (6 x 6.6 + 16 = 55.6 px) to 600: 10 % is 54.4 px
    assertEquals("54.4", wp[2]);
    assertEquals(Palette.series(3).get(1), wp[4]);
    assertTrue(bars.containsKey("fin · wp: 10.0 % (1 of 10 documents; normal form 100.0 %)"));
    assertTrue(bars.containsKey("flores · bpe: 100.0 % (300 of 300 documents; normal form 100.0 %)"));
  }

  @Test
  void aMultilingualCorpusGetsAHeatMapOfItsLanguages() {
    Map<String, String> cells = fills(ReportHtml.chart(section(), "roundtrip-flores"));
    assertEquals(9, cells.size());
    // the ramp from 0 % to 100 % (under 50 values: min to max); 30 % is 1.2 stops along: 0.2 of the way from
    // (161, 218, 180) to (65, 182, 196) = (142, 211, 183)
    assertEquals("#8ed3b7", cells.get("wp · eng_Latn English (Latin): 30.0 %"));
    assertEquals("#ffffcc", cells.get("wp · tha_Thai Thai (Thai): 0.0 %"));
    assertEquals("#253494", cells.get("bpe · hin_Deva Hindi (Devanagari): 100.0 %"));
    assertEquals("#eeeeee", cells.get("words · hin_Deva Hindi (Devanagari): no data"));
    assertTrue(!section().contains("data-chart=\"roundtrip-fin\""), "one language: its bar says it all");
  }

  @Test
  void noHeatMapWhereEveryLanguageComesBackAlike() {
    // wp gives back none of its English, Hindi and Thai documents, bpe all: the bars say so
    List<RoundTripRow> rows = rows().stream().map(r -> r.tokenizer().equals("wp") && r.corpus().equals("flores")
        ? Rows.roundtrip("wp", "flores", r.lang(), 100, 0.0, 0.5, 0.1, 50, 0.5, 0, 0.0) : r).toList();
    ReportData data = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), rows, List.of(),
        List.of(), List.of(), List.of(), Map.of(), List.of());
    assertEquals(List.of("roundtrip-exact"), ReportHtml.ids(ReportHtml.render(new RoundTripSection(), data, TKS)));
  }

  @Test
  void theSummaryNamesTheWorstLanguageAndTheTableTheLosses() {
    String s = section();
    String summary = ReportHtml.table(s, "roundtrip-summary");
    assertTrue(summary.contains("<tr data-tk=\"wp\"><td data-v=\"wp\">wp</td><td data-v=\"flores\">flores</td>"
        + "<td class=\"n\" data-v=\"3.0\">3</td><td class=\"n\" data-v=\"300.0\">300</td>"
        + "<td class=\"n\" data-v=\"0.1\">10.0 %</td><td class=\"n\" data-v=\"0.36666666666666664\">36.7 %</td>"
        + "<td class=\"n\" data-v=\"0.6\">60.00 % tha_Thai</td><td class=\"n\" data-v=\"0.3\">30.00 % tha_Thai</td>"
        + "<td class=\"n\" data-v=\"0.3\">30.00 % tha_Thai</td></tr>"), summary);
    // bpe: every language keeps every run, none worse than another: no language named
    assertTrue(summary.contains("<td class=\"n\" data-v=\"\">–</td><td class=\"n\" data-v=\"1.0\">100.00 %</td>"
        + "<td class=\"n\" data-v=\"0.0\">0.00 %</td></tr>"), summary);
    // one language: no name beside the value; no CER where no document differs from its normal form
    assertTrue(summary.contains("<td data-v=\"fin\">fin</td><td class=\"n\" data-v=\"1.0\">1</td><td class=\"n\" "
        + "data-v=\"10.0\">10</td><td class=\"n\" data-v=\"0.1\">10.0 %</td><td class=\"n\" data-v=\"1.0\">100.0 %</td>"
        + "<td class=\"n\" data-v=\"\">–</td><td class=\"n\" data-v=\"0.9\">90.00 %</td>"), summary);
    // the rows where something is lost: wp's four; not bpe's (everything back), nor words' (no decoder)
    String every = ReportHtml.table(s, "roundtrip-table");
    assertEquals(List.of("wp", "wp", "wp", "wp"), ReportHtml.all(every, "<tr data-tk=\"([a-z]+)\""));
    assertTrue(s.contains("The 4 of 11 rows (tokenizer x corpus x language) where"));
    assertTrue(every.contains("<tr data-tk=\"wp\" data-lang=\"hin_Deva\">"));
    assertTrue(every.contains("<td class=\"n\" data-v=\"80.0\">80</td><td class=\"n\" data-v=\"0.0\">0</td>"
        + "<td class=\"n\" data-v=\"0.4\">40.0 %</td><td class=\"n\" data-v=\"500.0\">500</td>"
        + "<td class=\"n\" data-v=\"0.05\">5.00 %</td>"), every);
  }

  @Test
  void skippedWithoutItsTable() {
    ReportData data = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(),
        List.of("roundtrip"));
    assertEquals("no roundtrip table (the tokenize stage writes it)", new RoundTripSection().skipReason(data));
    ReportData empty = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
    assertEquals("the roundtrip table is empty", new RoundTripSection().skipReason(empty));
  }
}
