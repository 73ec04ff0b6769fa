package org.tokenometry.udfs.tokenizers.java;

import java.util.Arrays;

/**
 * A small per-thread cache in front of a {@link MergeTable}: the merge table of a 250k-token vocabulary is
 * tens of megabytes, so nearly every lookup misses the CPU caches, while the pairs a merge loop asks about
 * are mostly the same few thousand (frequent character pairs). Direct-mapped; caches "no merge" too.
 */
final class PairRanks {
  private static final int SLOTS = 1 << 13;
  private static final long EMPTY = -1L;
  private final MergeTable table;
  private final long[] keys = new long[SLOTS];
  private final int[] ranks = new int[SLOTS];

  PairRanks(MergeTable table) {
    this.table = table;
    Arrays.fill(keys, EMPTY);
  }

  /** Rank of the pair, or -1 when the pair never merges. */
  int rankOf(int left, int right) {
    long key = ((long) left << 32) | (right & 0xFFFFFFFFL);
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - 13));
    if (keys[slot] == key) {
      return ranks[slot];
    }
    int r = table.rankOf(left, right);
    keys[slot] = key;
    ranks[slot] = r;
    return r;
  }
}
