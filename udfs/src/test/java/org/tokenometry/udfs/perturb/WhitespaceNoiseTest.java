package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class WhitespaceNoiseTest {
  private static PerturbedText ws(double rate, String s) {
    return new WhitespaceNoise(rate).apply(s, new int[0], SplitMix64.of(42, "whitespace", "doc-1"));
  }

  @Test
  void anExtraSpaceAfterWhitespace() {
    PerturbedText p = ws(1.0, "a b\tc");
    assertEquals("a  b\t c", p.text());
    assertArrayEquals(new int[] {2, 2}, p.sourceOf(2, 3)); // the inserted space stands for nothing
    assertArrayEquals(new int[] {1, 2}, p.sourceOf(1, 3));
    // from an independent Python implementation of the draws
    assertEquals("one  two three  four  five", ws(0.5, "one two three four five").text());
    assertFalse(ws(1.0, "中文没有空格").changed());
  }
}
