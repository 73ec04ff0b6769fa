package org.tokenometry.udfs.tokenizers.java;

import java.util.Arrays;

/**
 * Per-thread cache of word encodings keyed by the word's code points, probed without building a String.
 * Bounded: when it fills up it is emptied, which costs a few re-encodings and never changes a result.
 */
final class WordCache {
  private final int[][] keys;
  private final int[][] values;
  private final int[] hashes;
  private final int mask;
  private final int limit;
  private int size;

  WordCache(int capacityPowerOfTwo) {
    keys = new int[capacityPowerOfTwo][];
    values = new int[capacityPowerOfTwo][];
    hashes = new int[capacityPowerOfTwo];
    mask = capacityPowerOfTwo - 1;
    limit = capacityPowerOfTwo / 2;
  }

  static int hash(int[] cps, int from, int to) {
    int h = 0x2545F491;
    for (int i = from; i < to; i++) {
      h = (h ^ cps[i]) * 0x9E3779B1;
    }
    return h ^ (h >>> 15);
  }

  int[] get(int[] cps, int from, int to, int hash) {
    int i = hash & mask;
    int len = to - from;
    while (true) {
      int[] k = keys[i];
      if (k == null) {
        return null;
      }
      if (hashes[i] == hash && k.length == len && Arrays.equals(k, 0, len, cps, from, to)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  void put(int[] cps, int from, int to, int hash, int[] value) {
    if (size >= limit) {
      Arrays.fill(keys, null);
      Arrays.fill(values, null);
      size = 0;
    }
    int i = hash & mask;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = Arrays.copyOfRange(cps, from, to);
    values[i] = value;
    hashes[i] = hash;
    size++;
  }
}
