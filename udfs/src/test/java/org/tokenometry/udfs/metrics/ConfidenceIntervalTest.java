package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {
  @Test
  void percentilesInterpolateBetweenOrderStatistics() {
    // 1..200 in any order: h = 199 * 0.025 = 4.975 -> v4 + 0.975 (v5 - v4) = 5.975;
    // h = 199 * 0.975 = 194.025 -> v194 + 0.025 = 195.025 (numpy.percentile gives the same)
    List<Integer> values = new java.util.ArrayList<>(IntStream.rangeClosed(1, 200).boxed().toList());
    Collections.shuffle(values, new Random(1));
    ConfidenceInterval ci = ConfidenceInterval.percentile95(values.stream().mapToDouble(i -> i).toArray());
    assertEquals(5.975, ci.low(), 1e-12);
    assertEquals(195.025, ci.high(), 1e-12);
  }

  @Test
  void undefinedReplicatesAreLeftOut() {
    // {1, 2, 3}: h = 2 * 0.025 = 0.05 -> 1.05; h = 1.95 -> 2.95
    ConfidenceInterval ci = ConfidenceInterval.percentile95(new double[] {Double.NaN, 3, 1, 2});
    assertEquals(1.05, ci.low(), 1e-12);
    assertEquals(2.95, ci.high(), 1e-12);
    assertNull(ConfidenceInterval.percentile95(new double[] {Double.NaN, 3}));
    assertNull(ConfidenceInterval.percentile95(null));
    assertNull(ConfidenceInterval.low(null));
    assertNull(ConfidenceInterval.high(null));
  }
}
