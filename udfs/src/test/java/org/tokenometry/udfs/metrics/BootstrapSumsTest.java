package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BootstrapSumsTest {
  static final byte[] W1 = {1, 0, 2};
  static final byte[] W2 = {0, 1, 1};
  static final byte[] W3 = {2, 1, 0};

  @Test
  void weightedSumsPerReplicate() {
    // parallel: (10 tokens, 40 bytes) x W1 + (5, 30) x W2; other: (3, 3) x W3
    BootstrapSums s = new BootstrapSums().add(W1, true, 10, 40).add(W2, true, 5, 30).add(W3, false, 3, 3);
    assertArrayEquals(new long[] {10, 5, 25}, s.parallelTokens());
    assertArrayEquals(new long[] {40, 30, 110}, s.parallelBytes());
    // bytes per token over both kinds: (40+6)/(10+6), (30+3)/(5+3), 110/25
    assertArrayEquals(new double[] {46.0 / 16, 33.0 / 8, 110.0 / 25}, s.bytesPerToken(), 1e-15);
  }

  @Test
  void aReplicateWithoutTokensIsUndefined() {
    BootstrapSums s = new BootstrapSums().add(W2, false, 4, 8);
    assertNull(s.parallelTokens());
    double[] bpt = s.bytesPerToken();
    assertArrayEquals(new double[] {Double.NaN, 2, 2}, bpt, 0);
  }

  @Test
  void mergeEqualsAddingEverythingToOneAndSharesNoArrays() {
    BootstrapSums all = new BootstrapSums().add(W1, true, 10, 40).add(W2, true, 5, 30).add(W3, false, 3, 3);
    BootstrapSums a = new BootstrapSums().add(W1, true, 10, 40);
    BootstrapSums b = new BootstrapSums().add(W2, true, 5, 30).add(W3, false, 3, 3);
    BootstrapSums merged = new BootstrapSums().merge(a).merge(b);
    assertArrayEquals(all.parallelTokens(), merged.parallelTokens());
    assertArrayEquals(all.parallelBytes(), merged.parallelBytes());
    assertArrayEquals(all.bytesPerToken(), merged.bytesPerToken(), 0);
    a.add(W1, true, 1000, 1000); // the copy merged from a must not move
    assertArrayEquals(all.parallelTokens(), merged.parallelTokens());
  }

  @Test
  void replicateCountsMustAgree() {
    BootstrapSums s = new BootstrapSums().add(W1, true, 1, 1);
    assertThrows(IllegalArgumentException.class, () -> s.add(new byte[] {1, 1}, true, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> s.merge(new BootstrapSums().add(new byte[] {1}, true, 1, 1)));
  }
}
