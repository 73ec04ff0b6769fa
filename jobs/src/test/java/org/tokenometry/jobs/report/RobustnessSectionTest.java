package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.all;
import static org.tokenometry.jobs.report.ReportHtml.fills;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.RobustnessRow;

/**
 * The robustness section alone: token inflation as a tokenizer x perturbation heat map over every language
 * (token-weighted) or one language (one script beyond two dozen languages), the word-change rate in the tooltips
 * and the table, and a tokenizer with unknown tokens flagged.
 */
class RobustnessSectionTest {
  static final List<String> TKS = List.of("A", "B");
  static final String[] LANGS = {"eng_Latn", "rus_Cyrl", "tha_Thai"};
  /** Original tokens per language; perturbed tokens [tokenizer][perturbation: upper, typos][language]. */
  static final long[] TOKENS = {1000, 2000, 1000};
  static final long[][][] PERTURBED = {{{1500, 2500, 1000}, {1120, 2000, 1000}},
      {{2000, 4000, 1000}, {1310, 2000, 1000}}};
  /** Changed words of 500, 400 and 100 words, [perturbation][language], the same for both tokenizers. */
  static final long[][] CHANGED = {{100, 40, 0}, {50, 0, 0}};

  static List<RobustnessRow> rows() {
    List<RobustnessRow> rows = new ArrayList<>();
    long[] words = {500, 400, 100};
    for (int t = 0; t < 2; t++) {
      for (int p : new int[] {1, 0}) { // typos first: the section orders perturbations as the README does
        for (int l = 0; l < 3; l++) {
          rows.add(Rows.robustness(TKS.get(t), "c", LANGS[l], p == 0 ? "upper" : "typos", 10,
              CHANGED[p][l] > 0 ? 10 : 0, words[l], CHANGED[p][l], TOKENS[l], PERTURBED[t][p][l]));
        }
      }
    }
    return rows;
  }

  /** B emits 20 % unknown tokens on Thai: 5 % of its tokens over all three languages (200 of 4,000). */
  static String section(List<RobustnessRow> rows) {
    List<CoverageRow> coverage = List.of(PremiumSectionTest.unk("B", "c", "tha_Thai", 0.2));
    ReportData data = new ReportData(List.of(), coverage, List.of(), List.of(), List.of(), List.of(), rows,
        List.of(), List.of(), List.of(), Map.of(), List.of());
    return ReportHtml.render(new RobustnessSection(), data, TKS);
  }

  @Test
  void inflationOverEveryLanguageWeightedByTokens() {
    String s = section(rows());
    assertEquals(List.of("robustness-all", "robustness-eng_Latn", "robustness-rus_Cyrl", "robustness-tha_Thai"),
        ReportHtml.ids(s));
    String all = ReportHtml.chart(s, "robustness-all");
    Map<String, String> cells = fills(all);
    // A, upper: (1,500 + 2,500 + 1,000) / 4,000 = 1.25; words (100 + 40 + 0) / 1,000 = 14 %; 20 of 30 documents
    // changed (Thai has no case). The scale runs over A's two cells (B is flagged): 1.03 .. 1.25, top and bottom
    assertEquals("#253494", cells.get("A · upper: 1.25 (14.0 % of words change; 20 of 30 documents changed)"));
    // A, typos: 4,120 / 4,000 = 1.03; only English has ASCII letters to mistype: 50 of 1,000 words
    assertEquals("#ffffcc", cells.get("A · typos: 1.03 (5.0 % of words change; 10 of 30 documents changed)"));
    // B: 5 % unknown tokens over these languages: near-white, ⚠, out of the scale; 7,000 / 4,000 = 1.75
    assertEquals("#f7f7f7", cells.get("B · upper: 1.75 (14.0 % of words change; 20 of 30 documents changed) "
        + "(⚠ 5.0 % unknown tokens: left out of the colour scale)"));
    assertTrue(s.contains("⚠ B: more than 1 % of the tokens are unknown"));
    // perturbations as columns in the README's order, not keyed for the language filter; rows keyed by tokenizer
    assertEquals(List.of("upper", "typos"), all(all, "class=\"tick\" transform=\"[^\"]+\">([a-z]+)</text>"));
    assertTrue(all.contains("class=\"label\" data-tk=\"B\">B</text>"));
    assertFalse(all.contains("data-lang"), "no cell belongs to one language");
  }

  @Test
  void oneLanguageAtATime() {
    String s = section(rows());
    assertTrue(s.contains("<select name=\"scope\"><option value=\"all\">all (weighted by tokens)</option><option "
        + "value=\"eng_Latn\">eng_Latn English (Latin)</option>"), s);
    assertTrue(s.contains("<div class=\"rcombo\" data-scope=\"all\">"));
    assertTrue(s.contains("<div class=\"rcombo\" data-scope=\"tha_Thai\" hidden>"));
    // English alone: A 1.50, 1.12; B 2.00, 1.31 (not flagged here); scale 1.12 .. 2.00: A's 1.50 is 0.4318 of
    // the ramp, 1.727 stops: 0.727 of the way from (161, 218, 180) to (65, 182, 196) = (91, 192, 192)
    Map<String, String> eng = fills(ReportHtml.chart(s, "robustness-eng_Latn"));
    assertEquals("#5bc0c0", eng.get("A · upper: 1.50 (20.0 % of words change; 10 of 10 documents changed)"));
    assertEquals("#253494", eng.get("B · upper: 2.00 (20.0 % of words change; 10 of 10 documents changed)"));
    // Thai alone: B's 20 % flags its row
    assertTrue(fills(ReportHtml.chart(s, "robustness-tha_Thai")).containsKey("B · typos: 1.00 (0.0 % of words "
        + "change; 0 of 10 documents changed) (⚠ 20.0 % unknown tokens: left out of the colour scale)"));
  }

  @Test
  void manyLanguagesAreChosenByScript() {
    // 25 Latin languages and Russian: more than two dozen, so the views are scripts
    List<RobustnessRow> rows = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      String lang = i == 25 ? "rus_Cyrl" : String.format("l%02d_Latn", i);
      rows.add(Rows.robustness("A", "c", lang, "upper", 10, 10, 100, 10, 1000, 1000 + 10L * i));
    }
    String s = section(rows);
    assertEquals(List.of("robustness-all", "robustness-Latn", "robustness-Cyrl"), ReportHtml.ids(s));
    assertTrue(s.contains("<label>scripts <select name=\"scope\">"));
    assertTrue(s.contains("<option value=\"Latn\">Latin (Latn): 25 languages</option><option value=\"Cyrl\">"
        + "Cyrillic (Cyrl): 1 language</option>"));
    // Latin: 1,000 x 25 tokens became 25,000 + 10 x (0 + ... + 24) = 28,000: 1.12
    assertTrue(fills(ReportHtml.chart(s, "robustness-Latn")).keySet().stream()
        .anyMatch(k -> k.startsWith("A · upper: 1.12 (10.0 % of words change")));
  }

  @Test
  void theTableSumsEveryLanguage() {
    String t = ReportHtml.table(section(rows()), "robustness-table");
    assertTrue(t.contains("<tr data-tk=\"A\"><td data-v=\"A\">A</td><td data-v=\"upper\">upper</td>"
        + "<td class=\"n\" data-v=\"30.0\">30</td><td class=\"n\" data-v=\"20.0\">20</td>"
        + "<td class=\"n\" data-v=\"1000.0\">1,000</td><td class=\"n\" data-v=\"140.0\">140</td>"
        + "<td class=\"n\" data-v=\"4000.0\">4,000</td><td class=\"n\" data-v=\"5000.0\">5,000</td>"
        + "<td class=\"n\" data-v=\"1.25\">1.250</td><td class=\"n\" data-v=\"0.14\">14.0 %</td></tr>"), t);
  }

  @Test
  void skippedWhenNotConfigured() {
    ReportData noTable = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(),
        List.of("robustness"));
    assertEquals(RobustnessSection.NOT_CONFIGURED, new RobustnessSection().skipReason(noTable));
    List<String> nothing = new ArrayList<>(Section.TOKENIZE_TABLES);
    nothing.add("robustness");
    ReportData noTokenize = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), nothing);
    assertEquals(Section.NO_TOKENIZE, new RobustnessSection().skipReason(noTokenize));
  }
}
