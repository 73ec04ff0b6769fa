package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BootstrapWeightsTest {
  private static byte[] bytes(int... w) {
    byte[] b = new byte[w.length];
    for (int i = 0; i < w.length; i++) {
      b[i] = (byte) w[i];
    }
    return b;
  }

  @Test
  void weightsEqualAnIndependentImplementationOfTheReadmeDefinition() {
    // from a 30-line Python transcription of README's definition (FNV-1a-64, SplitMix64, Poisson(1) CDF)
    assertArrayEquals(bytes(0, 0, 2, 0, 1, 0, 0, 2, 0, 2, 2, 0, 1, 0, 0, 2, 1, 1, 3, 3),
        BootstrapWeights.of("flores200:dev:1", 20, 42));
    assertArrayEquals(bytes(2, 0, 0, 2, 1, 0, 2, 1, 0, 0, 1, 1, 0, 1, 1, 4, 0, 0, 2, 3),
        BootstrapWeights.of("flores200:dev:2", 20, 42));
    assertArrayEquals(bytes(2, 3, 4, 0, 1, 1, 1, 0, 1, 0, 0, 1, 2, 0, 2, 1, 0, 1, 4, 2),
        BootstrapWeights.of("flores200:dev:1", 20, 7));
    assertArrayEquals(bytes(1, 0, 0, 2, 1, 1, 3, 1, 1, 1), BootstrapWeights.of("doc-\u00fc", 10, 42));
  }

  @Test
  void aKeyWeighsTheSameEveryTimeAndTheSeedChangesIt() {
    assertArrayEquals(BootstrapWeights.of("par:7", 200, 42), BootstrapWeights.of("par:7", 200, 42));
    assertFalse(Arrays.equals(BootstrapWeights.of("par:7", 200, 42), BootstrapWeights.of("par:7", 200, 43)));
    assertFalse(Arrays.equals(BootstrapWeights.of("par:7", 200, 42), BootstrapWeights.of("par:8", 200, 42)));
    // a longer run starts with the shorter one: replicate r does not depend on how many there are
    assertArrayEquals(BootstrapWeights.of("par:7", 50, 42), Arrays.copyOf(BootstrapWeights.of("par:7", 200, 42), 50));
  }

  @Test
  void inverseCdfOfPoissonOne() {
    // F(0) = e^-1 = 0.3678794, F(1) = 2/e = 0.7357589, F(2) = 2.5/e = 0.9196986, F(3) = (8/3)/e = 0.9810118
    assertEquals(0, BootstrapWeights.poisson1(0.0));
    assertEquals(0, BootstrapWeights.poisson1(0.3678794));
    assertEquals(1, BootstrapWeights.poisson1(0.3678795));
    assertEquals(1, BootstrapWeights.poisson1(0.7357588));
    assertEquals(2, BootstrapWeights.poisson1(0.7357589));
    assertEquals(2, BootstrapWeights.poisson1(0.9196985));
    assertEquals(3, BootstrapWeights.poisson1(0.9196987));
    assertEquals(4, BootstrapWeights.poisson1(0.9810119));
    assertEquals(18, BootstrapWeights.poisson1(Math.nextDown(1.0))); // the table's last k
  }

  @Test
  void drawsArePoissonOne() {
    // 10^6 draws (5,000 keys x 200 replicates). Standard errors: mean 1e-3, P(0) 4.8e-4, variance ~1.7e-3;
    // the bounds are 4 standard errors (the draws are fixed, so this either always passes or never does)
    long n = 0;
    long sum = 0;
    long sumSq = 0;
    long zeros = 0;
    for (int k = 0; k < 5000; k++) {
      for (byte w : BootstrapWeights.of("flores200:dev:" + k, 200, 42)) {
        n++;
        sum += w;
        sumSq += (long) w * w;
        zeros += w == 0 ? 1 : 0;
      }
    }
    double mean = (double) sum / n;
    assertEquals(1.0, mean, 0.004);
    assertEquals(1.0, (double) sumSq / n - mean * mean, 0.007);
    assertEquals(Math.exp(-1), (double) zeros / n, 0.002);
  }
}
