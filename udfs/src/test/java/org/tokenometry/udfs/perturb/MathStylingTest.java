package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.text.TextSegmenter;

class MathStylingTest {
  private static PerturbedText style(double rate, String s) {
    return new MathStyling(rate).apply(s, TextSegmenter.wordSpans(s), SplitMix64.of(42, "math_styling", "doc-1"));
  }

  @Test
  void alphabetsAndTheItalicHole() {
    assertEquals(0x1D400, MathStyling.bold('A'));
    assertEquals(0x1D433, MathStyling.bold('z'));
    assertEquals(0x1D7D7, MathStyling.bold('9'));
    assertEquals(0x1D44E, MathStyling.italic('a'));
    assertEquals(0x210E, MathStyling.italic('h')); // U+1D455 is unassigned
    assertEquals(0x1D456, MathStyling.italic('i'));
    assertEquals(-1, MathStyling.italic('7'));
    assertEquals(-1, MathStyling.bold('\u00E9'));
  }

  @Test
  void stylesWholeWordsWithSeededStyles() {
    // from an independent Python implementation of the draws: Hi bold, 42 italic (digits stay), you bold
    PerturbedText p = style(1.0, "Hi 42 you");
    assertEquals("\uD835\uDC07\uD835\uDC22 42 \uD835\uDC32\uD835\uDC28\uD835\uDC2E", p.text());
    assertArrayEquals(new int[] {0, 1}, p.sourceOf(0, 2)); // bold H (two units) is the H
    assertArrayEquals(new int[] {0, 2}, p.sourceOf(0, 4));
    // half the words: "the" italic (with U+210E), "hats" bold
    assertEquals("so \uD835\uDC61\u210E\uD835\uDC52 cat had \uD835\uDC21\uD835\uDC1A\uD835\uDC2D\uD835\uDC2C",
        style(0.5, "so the cat had hats").text());
  }
}
