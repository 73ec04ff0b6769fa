package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ZeroWidthInsertionTest {
  private static PerturbedText zw(double rate, String s) {
    return new ZeroWidthInsertion(rate).apply(s, new int[0], SplitMix64.of(42, "zero_width", "doc-1"));
  }

  @Test
  void insertsOnlyBetweenTwoNonSpaceCharacters() {
    // "ab c": the only gap between two non-spaces is a|b; the draw picks ZWSP
    PerturbedText p = zw(1.0, "ab c");
    assertEquals("a\u200Bb c", p.text());
    assertArrayEquals(new int[] {1, 1}, p.sourceOf(1, 2));
    assertArrayEquals(new int[] {1, 2}, p.sourceOf(1, 3));
  }

  @Test
  void seededInsertionsAtHalfRate() {
    // from an independent Python implementation of the draws
    assertEquals("to\u200Dk\u200Den\u200Cs m\u200Da\u200Dt\u200Dt\u200Be\u200Dr", zw(0.5, "tokens matter").text());
    assertFalse(zw(1.0, "a b c").changed());
    assertFalse(zw(0.0, "abc").changed());
  }
}
