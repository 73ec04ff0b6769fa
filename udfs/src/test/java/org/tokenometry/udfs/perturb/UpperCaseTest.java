package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class UpperCaseTest {
  private static PerturbedText upper(String s) {
    return new UpperCase().apply(s, new int[0], new SplitMix64(0));
  }

  @Test
  void fullMappingsOneCodePointAtATime() {
    // ß -> SS (two units, both from ß at 2), ǆ -> Ǆ, 😀 (two units) stays, digits stay
    PerturbedText p = upper("Maß ǆ \uD83D\uDE00 7");
    assertEquals("MASS \u01C4 \uD83D\uDE00 7", p.text());
    assertArrayEquals(new int[] {0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9}, p.sourceStart());
    assertArrayEquals(new int[] {1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10}, p.sourceEnd());
    assertArrayEquals(new int[] {2, 3}, p.sourceOf(3, 4)); // the second S stands for ß
    assertEquals("ПРИВЕТ, ΚΑΛΗΜΈΡΑ", upper("привет, καλημέρα").text()); // root locale keeps Greek accents
  }

  @Test
  void upperCaseTextIsUnchanged() {
    assertFalse(upper("ALREADY 42").changed());
    assertFalse(upper("中文").changed());
  }
}
