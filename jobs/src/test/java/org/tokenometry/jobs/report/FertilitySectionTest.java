package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.count;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.CompressionRow;

/** The fertility section alone: the scatter in tokenizer colours (flagged points hollow) and the compression table. */
class FertilitySectionTest {
  static CompressionRow row(String tk, String lang, double tpw, double continued) {
    return Rows.compression(tk, "c", "general", lang, 10, 3000, 1000, 3.0, 1.5, tpw, continued, 1 - continued, 1.0,
        null, 0.4, 12345.6);
  }

  static final List<CompressionRow> ROWS = List.of(row("A", "eng_Latn", 1.2, 0.1), row("A", "tha_Thai", 3.0, 0.6),
      row("B", "eng_Latn", 1.5, 0.2), row("B", "tha_Thai", 0.5, 0.05));

  static String section() {
    // B turns 40 % of Thai into unknown tokens: its 0.5 tokens per word is an artefact
    return ReportHtml.render(new FertilitySection(), ReportHtml.data(ROWS,
        List.of(PremiumSectionTest.unk("B", "c", "tha_Thai", 0.4))), List.of("A", "B"));
  }

  @Test
  void pointsSitWhereTheirValuesSayInTheirTokenizersColour() {
    String s = section();
    assertEquals(4, count(s, "class=\"mark dot"));
    // x from 0 (ticks of 0.2 under the smallest fertility, 0.5) to 3.0 x 1.02 = 3.06 over 560 px from x = 60:
    // A on Thai (3.0) at 60 + 3.0 / 3.06 x 560 = 609.0; y from 0 to 60 % (the largest) over 320 px down from
    // y = 24: 60 % is the top, 24.0
    assertTrue(s.contains("<circle cx=\"609.0\" cy=\"24.0\" r=\"4.5\" fill=\"#dc050c\" class=\"mark dot\" data-tk=\"A\" "
        + "data-lang=\"tha_Thai\"><title>A · c/tha_Thai Thai (Thai): 3.0, 60 %</title></circle>"), s);
    // B on English (1.5, 20 %): 60 + 1.5 / 3.06 x 560 = 334.5, 344 - 20 / 60 x 320 = 237.3, in B's colour
    assertTrue(s.contains("<circle cx=\"334.5\" cy=\"237.3\" r=\"4.5\" fill=\"#1965b0\" class=\"mark dot\""), s);
    // the flagged point is hollow and says why
    assertTrue(s.contains("fill=\"none\" class=\"mark dot flagged\" data-tk=\"B\" data-lang=\"tha_Thai\"><title>B · "
        + "c/tha_Thai Thai (Thai): 0.5, 5 % (⚠ 40.0 % unknown tokens)</title>"));
    assertTrue(s.contains("their points are hollow"));
    // the shared legend beside the chart
    assertTrue(s.contains("<li data-tk=\"B\"><span class=\"swatch\" style=\"background:#1965b0\"></span>B "
        + "<span class=\"flag\">⚠</span></li>"));
  }

  @Test
  void theTableHasEveryRowWithNamesAndFlags() {
    String t = ReportHtml.table(section(), "compression-table");
    assertEquals(4, count(t, "<tr data-tk="));
    // B on Thai: bytes/token, chars/token, tokens/word and NSL flagged; the continued-word rate is not a count
    // of tokens per text and stays plain
    int at = t.indexOf("<tr data-tk=\"B\" data-lang=\"tha_Thai\">");
    String row = t.substring(at, t.indexOf("</tr>", at));
    assertEquals(4, count(row, "class=\"n flagged\""), row);
    assertTrue(row.contains("<td data-v=\"Thai (Thai)\">Thai (Thai)</td>"));
    assertTrue(row.contains("<td class=\"n\" data-v=\"0.05\">5.0 %</td>"));
    assertTrue(row.contains("<td class=\"n\" data-v=\"12345.6\">12,346</td>"), "tokens/s rounded");
  }
}
