package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.all;
import static org.tokenometry.jobs.report.ReportHtml.count;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.RetrievalRow;

/**
 * The retrieval section alone: the best setting per corpus and tokenizer, charts per scoring unit, retriever and
 * k (chosen with selectors) with the x-axis in the chunker's own unit, question-weighted means over corpora.
 */
class RetrievalSectionTest {
  static RetrievalRow r(String corpus, String tk, String chunker, int size, int overlap, String retriever, String unit,
      double recall, double iou, double omega) {
    long questions = corpus.equals("c1") ? 10 : 30;
    return Rows.retrieval(corpus, tk, chunker, size, overlap, retriever, 5, unit, questions, recall, iou * 1.1, iou,
        omega, 100L, (double) size);
  }

  /** c1 has 10 questions, c2 30; A is chunked with fixed windows and sentences, B with fixed windows only. */
  static final List<RetrievalRow> ROWS = List.of(
      r("c1", "A", "fixed", 100, 0, "bm25", "char", 0.6, 0.30, 0.20),
      r("c1", "A", "fixed", 200, 0, "bm25", "char", 0.8, 0.25, 0.12),
      r("c1", "A", "fixed", 100, 50, "bm25", "char", 0.7, 0.30, 0.18),
      r("c1", "A", "fixed", 200, 50, "bm25", "char", 0.9, 0.20, 0.11),
      r("c1", "A", "fixed", 100, 0, "dense", "char", 0.5, 0.28, 0.20),
      r("c1", "A", "sentence", 3, 0, "bm25", "char", 0.7, 0.26, 0.25),
      r("c1", "A", "fixed", 100, 0, "bm25", "token", 0.6, 0.50, 0.22),
      r("c1", "B", "fixed", 100, 0, "bm25", "char", 0.6, 0.20, 0.19),
      r("c1", "B", "fixed", 200, 0, "bm25", "char", 0.7, 0.22, 0.10),
      r("c2", "A", "fixed", 100, 0, "bm25", "char", 0.5, 0.10, 0.40),
      r("c2", "A", "fixed", 200, 0, "bm25", "char", 0.6, 0.10, 0.31));

  static String section() {
    ReportData data = new ReportData(List.of(), List.of(), List.of(), List.of(), ROWS, Map.of(), List.of());
    return ReportHtml.render(new RetrievalSection(), data, List.of("A", "B"));
  }

  /** The combination block the selectors show for (unit, retriever). */
  static String combo(String s, String unit, String retriever) {
    int at = s.indexOf("<div class=\"rcombo\" data-unit=\"" + unit + "\" data-retriever=\"" + retriever + "\"");
    assertTrue(at >= 0, unit + " " + retriever);
    return s.substring(at, s.indexOf("</figure></div>", at));
  }

  @Test
  void theBestSettingIsTheHighestIouInCharacters() {
    String best = ReportHtml.table(section(), "retrieval-best");
    // c1/A: fixed 100/0 and 100/50 tie at IoU 30 % (the token-unit 50 % is another scale): the smaller overlap;
    // c1/B: 200 tokens (22 %); c2/A: 100 and 200 tie at 10 %: the smaller chunk
    assertEquals(List.of("c1", "c1", "c2"), all(best, "<tr data-tk=\"[AB]\"><td data-v=\"(c[12])\">"));
    assertTrue(best.contains("<td data-v=\"A\">A</td><td data-v=\"fixed\">fixed</td><td class=\"n\" data-v=\"100.0\">"
        + "100 tokens</td><td class=\"n\" data-v=\"0.0\">0</td><td data-v=\"bm25\">bm25</td>"), best);
    assertTrue(best.contains("<td class=\"n\" data-v=\"200.0\">200 tokens</td>"));
    assertTrue(section().contains("Scored in characters (Chroma-compatible); the highest IoU"));
  }

  @Test
  void oneCombinationShowsAtATimeWithSelectorsForWhatVaries() {
    String s = section();
    // scoring unit and retriever vary, k does not: two selectors; characters first
    assertTrue(s.contains("<select name=\"unit\"><option value=\"char\">characters (Chroma-compatible)</option>"
        + "<option value=\"token\">tokens of the tokenizer under test</option></select>"));
    assertTrue(s.contains("<select name=\"retriever\"><option value=\"bm25\">bm25</option><option value=\"dense\">"));
    assertFalse(s.contains("<select name=\"k\""));
    assertEquals(List.of("char bm25", "char dense", "token bm25"),
        all(s, "<div class=\"rcombo\" data-unit=\"([a-z]+\" data-retriever=\"[a-z0-9]+)\"").stream()
            .map(x -> x.replace("\" data-retriever=\"", " ")).toList());
    assertEquals(2, count(s, "data-k=\"5\" hidden>"), "only the first is shown at first");
  }

  @Test
  void theAxisIsInTheChunkersOwnUnitAndPointsAreQuestionWeighted() {
    String c = combo(section(), "char", "bm25");
    // three charts per chunker: fixed windows in each tokenizer's tokens, sentences for the sentence chunker
    assertEquals(6, count(c, "<svg class=\"chart\""));
    assertTrue(c.contains("<h4>fixed chunker · chunk size (tokens of each line&#39;s tokenizer)</h4>"));
    assertTrue(c.contains("<h4>sentence chunker · chunk size (sentences)</h4>"));
    // A, overlap 0, 100 tokens: (20 % x 10 + 40 % x 30) / 40 questions = 35 %; 200 tokens: (12 x 10 + 31 x 30)
    // / 40 = 26.25 %
    assertTrue(c.contains("<title>A · overlap 0 · chunk size (tokens of each line&#39;s tokenizer) 100: 35 %</title>"));
    assertTrue(c.contains("<title>A · overlap 0 · chunk size (tokens of each line&#39;s tokenizer) 200: 26 %</title>"));
    // colour = tokenizer (A #dc050c, B #1965b0), dash = overlap (0 solid, 50 "7 4"), one legend for the block
    assertTrue(c.contains("<polyline class=\"line\" fill=\"none\" stroke-width=\"2.5\" stroke=\"#dc050c\" "
        + "stroke-dasharray=\"7 4\" data-tk=\"A\""));
    assertEquals(3, count(c, "stroke=\"#1965b0\" data-tk=\"B\""), "B's solid line in each fixed-window chart");
    assertEquals(1, count(c, "<ul class=\"legend\">"));
    assertTrue(c.contains("</svg>overlap 50</li>"));
    // with one tokenizer the axis names it
    assertTrue(combo(section(), "char", "dense").contains("chunk size (tokens of A)"));
  }
}
