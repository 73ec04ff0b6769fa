package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class NfdDecompositionTest {
  private static PerturbedText nfd(String s) {
    return new NfdDecomposition().apply(s, new int[0], new SplitMix64(0));
  }

  @Test
  void decomposesEachPrecomposedCharacterInPlace() {
    // café -> cafe + U+0301: both units of é map to é's interval [3,4)
    PerturbedText p = nfd("café au");
    assertEquals("cafe\u0301 au", p.text());
    assertArrayEquals(new int[] {3, 4}, p.sourceOf(3, 4));
    assertArrayEquals(new int[] {3, 4}, p.sourceOf(4, 5)); // the accent alone still stands for é
    assertArrayEquals(new int[] {5, 7}, p.sourceOf(6, 8));
    // Hangul 한 -> three conjoining jamo
    assertEquals("\u1112\u1161\u11AB", nfd("\uD55C").text());
  }

  @Test
  void reorderedMarksMapToTheirWholeSegment() {
    // a + acute (ccc 230) + dot below (ccc 220): NFD puts the dot first, so the segment maps as one [0,3)
    PerturbedText p = nfd("a\u0301\u0323b");
    assertEquals("a\u0323\u0301b", p.text());
    assertArrayEquals(new int[] {0, 3}, p.sourceOf(1, 2));
    assertArrayEquals(new int[] {0, 3}, p.sourceOf(0, 1));
    assertArrayEquals(new int[] {3, 4}, p.sourceOf(3, 4));
  }

  @Test
  void decomposedTextIsUnchanged() {
    assertFalse(nfd("plain ascii").changed());
    assertFalse(nfd("cafe\u0301").changed());
  }
}
