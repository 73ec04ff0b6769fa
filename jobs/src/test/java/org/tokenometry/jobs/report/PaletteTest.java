package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokenizer colours: Tol's discrete rainbow sets, handed out so neighbours differ, one colour per tokenizer. */
class PaletteTest {
  @Test
  void fifteenTokenizersGetTolsFifteenColoursFromTheRedEndEveryOther() {
    // Tol's set for 15 (figure 22: colours 3, 6, 9, 10, 12, 14, 15, 16, 17, 18, 20, 22, 24, 26, 28 of 29, in hue
    // order), handed out as positions 15, 13, 11, 9, 7, 5, 3, 1, then 14, 12, 10, 8, 6, 4, 2 (1-based)
    assertEquals(List.of("#72190e", "#e8601c", "#f6c141", "#cae0ab", "#4eb265", "#5289c7", "#882e72", "#d1bbd7",
        "#dc050c", "#f1932d", "#f7f056", "#90c987", "#7bafde", "#1965b0", "#ae76a3"), Palette.series(15));
  }

  @Test
  void upToTwentyThreeColoursAreDistinctThenTheyRepeat() {
    for (int n = 1; n <= 23; n++) {
      assertEquals(n, new HashSet<>(Palette.series(n)).size(), n + " series");
    }
    List<String> thirty = Palette.series(30);
    assertEquals(23, new HashSet<>(thirty).size());
    assertEquals(thirty.get(0), thirty.get(23));
    assertEquals(List.of("#dc050c", "#1965b0"), Palette.series(2));
  }

  @Test
  void aTokenizerKeepsOneColourInTheRunsOrder() {
    // config order b, a; c only in the tables follows; the colours are the 3-set's, in that order
    ReportData data = new ReportData(List.of(), List.of(), List.of(), List.of(),
        List.of(RetrievalSectionTest.r("x", "c", "fixed", 1, 0, "bm25", "char", 0, 0, 0),
            RetrievalSectionTest.r("x", "a", "fixed", 1, 0, "bm25", "char", 0, 0, 0),
            RetrievalSectionTest.r("x", "b", "fixed", 1, 0, "bm25", "char", 0, 0, 0)), Map.of(), List.of());
    ReportContext ctx = new ReportContext(data, List.of("b", "a", "zz"));
    assertEquals(List.of("b", "a", "c"), ctx.tokenizers());
    List<String> three = Palette.series(3);
    assertEquals(List.of(three.get(0), three.get(1), three.get(2)),
        List.of(ctx.colour("b"), ctx.colour("a"), ctx.colour("c")));
    assertEquals("#888888", ctx.colour("unknown"));
  }
}
