package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WhitespaceRunsTest {
  @Test
  void runsAreKeptOnlyWhenIdenticalAndEachCountsOnce() {
    String x = "a  b\tc\n\nd e\u00A0f";                 // runs: "  ", "\t", "\n\n", " ", "\u00A0" (White_Space)
    assertEquals(5, WhitespaceRuns.count(x));
    assertEquals(5, WhitespaceRuns.kept(x, x));
    // collapsed double space and NBSP, merged tab, kept "\n\n" and one " ": 2 of 5
    assertEquals(2, WhitespaceRuns.kept(x, "a b \tc\n\nd e f"));
    // order does not matter; extra runs in the other text cost nothing
    assertEquals(2, WhitespaceRuns.kept("a\tb c", "c b\ta  x y z"));
    assertEquals(0, WhitespaceRuns.count("nospace"));
  }
}
