package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RenyiEfficiencyTest {
  private static IdCounts counts(long... perId) {
    IdCounts c = new IdCounts();
    for (int i = 0; i < perId.length; i++) {
      c.add(i, perId[i]);
    }
    return c;
  }

  @Test
  void handComputedSkewedDistribution() {
    // p = (1/2, 1/4, 1/4), vocab 4, α = 2.5:
    // Σ p^2.5 = 0.5^2.5 + 2·0.25^2.5 = 0.1767767 + 0.0625 = 0.2392767
    // H = log2(0.2392767) / (1 − 2.5) = −2.0632482 / −1.5 = 1.3754988; / log2(4) = 0.6877494
    assertEquals(0.6877494, RenyiEfficiency.of(counts(2, 1, 1), 2.5, 4), 1e-6);
    // α = 2: Σ p² = 0.375, H = −log2(0.375) = 1.4150375, / 2 = 0.7075187
    assertEquals(0.7075187, RenyiEfficiency.of(counts(2, 1, 1), 2.0, 4), 1e-6);
    // α = 1 (Shannon): H = 0.5·1 + 2·0.25·2 = 1.5, / 2 = 0.75
    assertEquals(0.75, RenyiEfficiency.of(counts(2, 1, 1), 1.0, 4), 1e-12);
  }

  @Test
  void uniformOverTheWholeVocabularyIsOne() {
    assertEquals(1.0, RenyiEfficiency.of(counts(5, 5, 5, 5), 2.5, 4), 1e-12);
    assertNull(RenyiEfficiency.of(new IdCounts(), 2.5, 4));
    assertNull(RenyiEfficiency.of(counts(1), 2.5, -1), "unbounded vocabulary");
  }
}
