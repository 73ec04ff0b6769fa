package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.all;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.CoverageRow;

/** The ranking of the most expensive languages per tokenizer, rendered alone from the fixtures' premiums. */
class WorstLanguagesSectionTest {
  static String section(List<CoverageRow> coverage) {
    return ReportHtml.render(new WorstLanguagesSection(), ReportHtml.data(ReportFixtures.floresCompression(),
        coverage), ReportFixtures.TOKENIZERS);
  }

  /** The row of one tokenizer. */
  static String row(String html, String tk) {
    int at = html.indexOf("<tr data-tk=\"" + tk + "\">");
    assertTrue(at >= 0, tk);
    return html.substring(at, html.indexOf("</tr>", at));
  }

  @Test
  void eachTokenizerListsItsFiveMostExpensiveLanguagesWithTheMean() {
    String s = section(List.of());
    // mistral7b (ReportFixtures.PREMIUM's last column): amh 7.60, hin 4.80, tha 4.40, ell 3.30, arb 3.00;
    // mean of the 12 = 34.40 / 12 = 2.87
    String m = row(s, "mistral7b");
    assertEquals(List.of("amh_Ethi", "hin_Deva", "tha_Thai", "ell_Grek", "arb_Arab"), all(m, "data-lang=\"([^\"]+)\""));
    assertEquals(List.of("7.60", "4.80", "4.40", "3.30", "3.00"), all(m, "<b>([0-9.]+)×</b>"));
    assertTrue(m.contains("<td class=\"n\">2.87</td>"), m);
    // the language's English name beside its code, from ICU
    assertTrue(m.contains("title=\"amh_Ethi Amharic (Ethiopic)\">Amharic <code>amh_Ethi</code> <b>7.60×</b>"), m);
    // gpt4o: amh 3.40, ell 2.20, tha 1.90, then three at 1.60 (arb, hin, tur): ties by code; mean 19.85 / 12
    String g = row(s, "gpt4o");
    assertEquals(List.of("amh_Ethi", "ell_Grek", "tha_Thai", "arb_Arab", "hin_Deva"), all(g, "data-lang=\"([^\"]+)\""));
    assertTrue(g.contains("<td class=\"n\">1.65</td>"), g);
    // every tokenizer in the run's order, with its colour
    assertEquals(ReportFixtures.TOKENIZERS, all(s, "<tr data-tk=\"([^\"]+)\">"));
    assertTrue(g.contains("<span class=\"swatch\" style=\"background:#dc050c\"></span>gpt4o"));
  }

  @Test
  void aTokenizerWithUnknownTokensIsNotRanked() {
    // llama3 emits 5 % unknown tokens on Amharic (and 0.5 % on Thai, under the limit): its Amharic premium
    // would be an artefact, so it gets no ranking and the row says why
    String s = section(List.of(PremiumSectionTest.unk("llama3", "flores200", "amh_Ethi", 0.05),
        PremiumSectionTest.unk("llama3", "flores200", "tha_Thai", 0.005)));
    String l = row(s, "llama3");
    assertTrue(l.contains("<td class=\"flagged\" colspan=\"6\">⚠ not ranked: more than 1 % unknown tokens on 1 of "
        + "12 languages (up to 5.0 % on <span data-lang=\"amh_Ethi\">amh_Ethi Amharic (Ethiopic)</span>)</td>"), l);
    assertEquals(5, all(row(s, "gemma3"), "(<b>)").size(), "the others are ranked");
  }
}
