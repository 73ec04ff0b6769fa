package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.Utf8BytesTokenizer;

/** The bootstrap hook of {@link GroupStats}: what add and merge keep, with the utf8_bytes baseline (1 token a byte). */
class GroupStatsBootstrapTest {
  static final Tokenizer BYTES = new Utf8BytesTokenizer();

  static GroupStats add(GroupStats g, String text, String parallelId, byte[] w) {
    DocumentText d = DocumentText.of(text);
    Encoding enc = BYTES.encode(text);
    g.add(d.facts(), TokenizedDocument.of(d, enc), parallelId == null ? null : ParallelIdSums.hashes(parallelId), w);
    return g;
  }

  @Test
  void addKeepsParallelBytesAndWeightedSums() {
    // "héllo" = 6 bytes (é is 2), parallel, weights (2, 0); "ab" = 2 bytes, not parallel, weights (1, 3)
    GroupStats g = add(add(new GroupStats(), "h\u00e9llo", "p:1", new byte[] {2, 0}), "ab", null, new byte[] {1, 3});
    assertEquals(6, g.parallel().bytes());
    assertEquals(6, g.parallel().tokens());
    assertArrayEquals(new long[] {12, 0}, g.bootstrap().parallelTokens());
    assertArrayEquals(new long[] {12, 0}, g.bootstrap().parallelBytes());
    assertArrayEquals(new double[] {1, 1}, g.bootstrap().bytesPerToken(), 0); // (12+2)/(12+2), 6/6
  }

  @Test
  void withoutWeightsThereAreNoReplicates() {
    GroupStats g = add(new GroupStats(), "abc", "p:1", null);
    assertNull(g.bootstrap());
    assertEquals(3, g.parallel().bytes());
    assertNull(BytesPerTokenInterval.of(g.bootstrap()).bytesPerTokenCiLow());
  }

  @Test
  void mergeAddsReplicatesAndACopyIsIndependent() {
    GroupStats a = add(new GroupStats(), "abc", "p:1", new byte[] {1, 2});
    GroupStats b = add(new GroupStats(), "de", "p:2", new byte[] {3, 0});
    GroupStats copy = new GroupStats().merge(a); // what the accumulator's copy() does
    a.merge(b);
    assertEquals(5, a.parallel().bytes());
    assertArrayEquals(new long[] {9, 6}, a.bootstrap().parallelTokens());
    assertArrayEquals(new long[] {3, 6}, copy.bootstrap().parallelTokens());
    assertEquals(3, copy.parallel().bytes());
  }
}
