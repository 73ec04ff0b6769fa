package org.tokenometry.udfs.tokenizers.java;

/** BPE merges as an open-addressing map (left id, right id) → (rank, merged id), in primitive arrays. */
final class MergeTable {
  private static final long EMPTY = -1L;
  private final long[] keys;
  private final int[] ranks;
  private final int[] merged;
  private final int mask;

  MergeTable(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2)) << 1;
    keys = new long[cap];
    java.util.Arrays.fill(keys, EMPTY);
    ranks = new int[cap];
    merged = new int[cap];
    mask = cap - 1;
  }

  private static long key(int left, int right) {
    return ((long) left << 32) | (right & 0xFFFFFFFFL);
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  /** A pair listed twice keeps its last rank, as the Hugging Face loader's map insertion does. */
  void put(int left, int right, int rank, int result) {
    long k = key(left, right);
    int i = slot(k) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == k) {
        break;
      }
      i = (i + 1) & mask;
    }
    keys[i] = k;
    ranks[i] = rank;
    merged[i] = result;
  }

  /** Slot of the pair, or -1 when the pair never merges. */
  int find(int left, int right) {
    long k = key(left, right);
    int i = slot(k) & mask;
    while (true) {
      long cur = keys[i];
      if (cur == k) {
        return i;
      }
      if (cur == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  int rank(int slot) {
    return ranks[slot];
  }

  int merged(int slot) {
    return merged[slot];
  }
}
