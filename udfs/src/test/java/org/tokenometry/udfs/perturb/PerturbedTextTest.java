package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PerturbedTextTest {
  @Test
  void mapsCopiedReplacedAndInsertedUnitsBack() {
    // "abc" -> "a" + ZWSP + "XY" (for b) + "c": units 0 a[0,1), 1 ZWSP[1,1), 2 X[1,2), 3 Y[1,2), 4 c[2,3)
    PerturbedText p = new PerturbedText.Builder("t", "abc").copyTo(1).insert("\u200B").replaceTo(2, "XY").build();
    assertEquals("a\u200BXYc", p.text());
    assertArrayEquals(new int[] {0, 1, 1, 1, 2}, p.sourceStart());
    assertArrayEquals(new int[] {1, 1, 2, 2, 3}, p.sourceEnd());
    assertTrue(p.changed());
    assertArrayEquals(new int[] {1, 1}, p.sourceOf(1, 2)); // the invisible character alone: empty
    assertArrayEquals(new int[] {1, 2}, p.sourceOf(1, 3)); // ZWSP + X: the b
    assertArrayEquals(new int[] {1, 2}, p.sourceOf(3, 4)); // Y, half of b's expansion: all of b
    assertArrayEquals(new int[] {0, 3}, p.sourceOf(0, 5));
    assertArrayEquals(new int[] {0, 1}, p.sourceOf(0, 2)); // a + ZWSP
    assertArrayEquals(new int[] {2, 3}, p.sourceOf(4, 9)); // past the end: cut at it
    assertArrayEquals(new int[] {3, 3}, p.sourceOf(5, 6));
  }

  @Test
  void aReplacementByTheSameTextIsNoChange() {
    String original = "same";
    PerturbedText p = new PerturbedText.Builder("t", original).copyTo(1).replaceTo(2, "a").build();
    assertFalse(p.changed());
    assertSame(original, p.text());
    assertTrue(new PerturbedText.Builder("t", "ab").replaceTo(1, "").build().changed()); // a deletion
  }

  @Test
  void theCursorOnlyMovesForward() {
    PerturbedText.Builder b = new PerturbedText.Builder("t", "abc").copyTo(2);
    assertThrows(IllegalArgumentException.class, () -> b.copyTo(1));
    assertThrows(IllegalArgumentException.class, () -> b.replaceTo(4, "x"));
  }
}
