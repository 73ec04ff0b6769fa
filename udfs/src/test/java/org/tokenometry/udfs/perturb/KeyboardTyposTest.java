package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KeyboardTyposTest {
  @Test
  void neighboursFromTheKeyboardGeometry() {
    // the same sets as TokSuite's hand-written QWERTY table for these keys
    assertArrayEquals("34drsw".toCharArray(), QwertyNeighbours.of('e'));
    assertArrayEquals("12aw".toCharArray(), QwertyNeighbours.of('q'));
    assertArrayEquals("0lo".toCharArray(), QwertyNeighbours.of('p'));
    assertArrayEquals("jkn".toCharArray(), QwertyNeighbours.of('m'));
    assertArrayEquals("46rt".toCharArray(), QwertyNeighbours.of('5'));
    assertArrayEquals("adwexz".chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint,
        StringBuilder::append).toString().toCharArray(), QwertyNeighbours.of('s'));
    assertNull(QwertyNeighbours.of('!'));
    assertNull(QwertyNeighbours.of('A')); // callers lower-case first
  }

  @Test
  void seededSubstitutionsKeepCase() {
    // from an independent Python implementation of the draws: H->G, e->3, y->7, 4->r, 2->w; '!' and ' ' never
    PerturbedText p = new KeyboardTypos(1.0).apply("Hey 42!", new int[0], SplitMix64.of(42, "typos", "doc-1"));
    assertEquals("G37 rw!", p.text());
    assertArrayEquals(new int[] {1, 2}, p.sourceOf(1, 2));
    assertEquals("The 2uick browb fox", new KeyboardTypos(0.3)
        .apply("The quick brown fox", new int[0], SplitMix64.of(7, "typos", "doc-2")).text());
  }
}
