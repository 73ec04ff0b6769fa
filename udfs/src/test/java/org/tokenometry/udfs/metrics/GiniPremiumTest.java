package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class GiniPremiumTest {
  @Test
  void giniOfPremiums() {
    assertEquals(0.0, Gini.of(new double[] {1.3, 1.3, 1.3}), 0);
    // (1, 3): Σ_i Σ_j |p_i − p_j| = 2 + 2 = 4; 2·n²·mean = 2·4·2 = 16 -> 0.25
    assertEquals(0.25, Gini.of(new double[] {1, 3}), 1e-12);
    // (1, 1, 4): pairs |1−4| four times = 12; 2·9·2 = 36 -> 1/3
    assertEquals(1.0 / 3, Gini.of(new double[] {1, 1, 4}), 1e-12);
    assertNull(Gini.of(new double[0]));
  }

  @Test
  void premiumIsARatioOfSums() {
    assertEquals(2.5, Premium.of(250, 100), 0);
    assertNull(Premium.of(10, 0));
  }
}
