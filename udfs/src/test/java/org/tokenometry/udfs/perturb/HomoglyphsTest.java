package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HomoglyphsTest {
  @Test
  void candidatesComeFromIcuSkeletons() {
    // Latin a: Greek alpha U+03B1 and Cyrillic a U+0430 (Latin alpha U+0251 is the same script: not offered)
    assertArrayEquals(new int[] {0x03B1, 0x0430}, ConfusableLetters.of('a'));
    assertArrayEquals(new int[] {0x0441}, ConfusableLetters.of('c'));
    assertArrayEquals(new int[] {0x0435, 0x04BD}, ConfusableLetters.of('e'));
    assertArrayEquals(new int[] {0x03C1, 0x0440}, ConfusableLetters.of('p'));
    // and back: Cyrillic a -> Latin a, Latin alpha; Greek capital alpha -> A
    assertArrayEquals(new int[] {'a', 0x0251}, ConfusableLetters.of(0x0430));
    assertArrayEquals(new int[] {'A'}, ConfusableLetters.of(0x0391));
    // digits, fullwidth letters (NFKC-unstable), Greek-Cyrillic pairs without Latin: none
    assertEquals(0, ConfusableLetters.of('1').length);
    assertEquals(0, ConfusableLetters.of(0xFF41).length);
    assertEquals(0, ConfusableLetters.of(0x0393).length); // Greek Gamma looks like Cyrillic Ge only
    assertTrue(ConfusableLetters.size() > 150, "table of " + ConfusableLetters.size());
  }

  @Test
  void replacesAtTheRateWithSeededChoices() {
    // expected strings from an independent Python implementation of the draws (README, "Robustness")
    PerturbedText all = new Homoglyphs(1.0).apply("pace", new int[0], SplitMix64.of(42, "homoglyphs", "doc-1"));
    assertEquals("\u0440\u03B1\u0441\u0435", all.text()); // Cyrillic p, Greek alpha, Cyrillic c, Cyrillic e
    PerturbedText half =
        new Homoglyphs(0.5).apply("peace cape", new int[0], SplitMix64.of(42, "homoglyphs", "doc-1"));
    assertEquals("pe\u03B1\u0441e \u0441\u03B1pe", half.text());
    assertArrayEquals(new int[] {2, 3}, half.sourceOf(2, 3));
    assertFalse(new Homoglyphs(0.0).apply("pace", new int[0], new SplitMix64(1)).changed());
  }
}
