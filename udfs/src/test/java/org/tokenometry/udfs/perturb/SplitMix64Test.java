package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
  @Test
  void reproducesTheReferenceOutputs() {
    // Vigna's splitmix64.c from state 0: e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f
    SplitMix64 r = new SplitMix64(0);
    assertEquals(0xE220A8397B1DCDAFL, r.nextLong());
    assertEquals(0x6E789E6AA1B965F4L, r.nextLong());
    assertEquals(0x06C45D188009454FL, r.nextLong());
  }

  @Test
  void fnv1aTestVectors() {
    assertEquals(0xCBF29CE484222325L, SplitMix64.fnv1a64(""));
    assertEquals(0xAF63DC4C8601EC8CL, SplitMix64.fnv1a64("a"));
  }

  @Test
  void aDocumentsGeneratorDependsOnSeedPurposeAndIdOnly() {
    // state FNV-1a("42:sample:d1"); first double from an independent Python implementation of the definition
    assertEquals(0.19000747560894193, SplitMix64.of(42, "sample", "d1").nextDouble(), 0);
    assertEquals(0.8622344369025099, SplitMix64.of(42, "sample", "d2").nextDouble(), 0);
    // nextDouble is the top 53 bits: 0xE220A8397B1DCDAF >>> 11 = 0x1C441507_2F63B9B, times 2^-53
    assertEquals((0xE220A8397B1DCDAFL >>> 11) * 0x1.0p-53, new SplitMix64(0).nextDouble(), 0);
    assertEquals(8, new SplitMix64(0).nextInt(10)); // floor(0.8833... * 10)
  }
}
