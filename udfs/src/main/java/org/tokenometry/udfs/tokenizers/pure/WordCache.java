package org.tokenometry.udfs.tokenizers.pure;

/**
 * Per-thread cache of word encodings keyed by the word's code points, probed without building a String.
 * Each entry is one array, {length, code points..., encoding...}, so a hit reads one object. Two-way set
 * associative with a fixed number of entries: a new word goes first in its set and pushes out the older one,
 * so a text with more distinct words than entries still hits on its frequent words instead of emptying the
 * whole cache; eviction costs a re-encoding and never changes a result.
 */
final class WordCache {
  private final int[][] entries;
  private final int[] hashes;
  private final int setMask;

  /** {@code entries}: a power of two, at least 2. */
  WordCache(int entries) {
    if (entries < 2 || Integer.bitCount(entries) != 1) {
      throw new IllegalArgumentException("cache entries must be a power of two >= 2: " + entries);
    }
    this.entries = new int[entries][];
    this.hashes = new int[entries];
    this.setMask = entries - 2;
  }

  static int hash(int[] cps, int from, int to) {
    int h = 0x2545F491;
    for (int i = from; i < to; i++) {
      h = (h ^ cps[i]) * 0x9E3779B1;
    }
    return h ^ (h >>> 15);
  }

  /** Where the encoding starts in an entry. */
  static int valueAt(int[] entry) {
    return 1 + entry[0];
  }

  /** The entry of cps[from, to), or null. */
  int[] get(int[] cps, int from, int to, int hash) {
    int set = hash & setMask;
    if (hashes[set] == hash && matches(entries[set], cps, from, to)) {
      return entries[set];
    }
    if (hashes[set + 1] == hash && matches(entries[set + 1], cps, from, to)) {
      return entries[set + 1];
    }
    return null;
  }

  private static boolean matches(int[] e, int[] cps, int from, int to) {
    int len = to - from;
    if (e == null || e[0] != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (e[1 + i] != cps[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** Stores value[0, n) as the encoding of cps[from, to); returns the new entry. */
  int[] put(int[] cps, int from, int to, int hash, int[] value, int n) {
    int len = to - from;
    int[] e = new int[1 + len + n];
    e[0] = len;
    System.arraycopy(cps, from, e, 1, len);
    System.arraycopy(value, 0, e, 1 + len, n);
    int set = hash & setMask;
    entries[set + 1] = entries[set];
    hashes[set + 1] = hashes[set];
    entries[set] = e;
    hashes[set] = hash;
    return e;
  }
}
