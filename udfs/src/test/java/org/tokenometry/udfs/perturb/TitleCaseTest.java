package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.text.TextSegmenter;

class TitleCaseTest {
  private static PerturbedText title(String s) {
    return new TitleCase().apply(s, TextSegmenter.wordSpans(s), new SplitMix64(0));
  }

  @Test
  void capitalisesTheFirstLetterOfEachWordOnly() {
    // ICU words: ǆungla, straße, nASA, 3d; ǆ's title case is ǅ (not Ǆ); the rest of each word stays
    PerturbedText p = title("ǆungla straße, nASA 3d");
    assertEquals("ǅungla Straße, NASA 3d", p.text());
    assertArrayEquals(new int[] {0, 1}, p.sourceOf(0, 1));
  }

  @Test
  void fullTitleMappingOfSharpS() {
    PerturbedText p = title("ßa");
    assertEquals("Ssa", p.text());
    assertArrayEquals(new int[] {0, 1}, p.sourceOf(1, 2)); // the s comes from ß
    assertFalse(title("Already Title 42").changed());
  }
}
