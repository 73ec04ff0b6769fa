package org.tokenometry.udfs.metrics;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Which candidate pieces occur, as a contiguous run of bytes, inside a longer emitted piece. The candidates are
 * indexed by a hash of their bytes; every proper substring of every emitted piece (up to the longest candidate) is
 * hashed incrementally and looked up, and a hit is confirmed by comparing the bytes, so the answer is exact. The
 * work is the sum over emitted pieces of length x min(length, longest candidate): a few million steps for a
 * 200k vocabulary.
 */
final class SubsumedPieces {
  private static final long MULTIPLIER = 0x100000001B3L;

  private SubsumedPieces() {}

  /** The candidates contained in a longer emitted piece; {@code bytes[id]} is null for ids without a piece. */
  static BitSet of(byte[][] bytes, BitSet candidates, BitSet emitted) {
    BitSet found = new BitSet(bytes.length);
    int maxLen = 0;
    for (int id = candidates.nextSetBit(0); id >= 0; id = candidates.nextSetBit(id + 1)) {
      maxLen = Math.max(maxLen, bytes[id].length);
    }
    if (maxLen == 0) {
      return found;
    }
    Index index = new Index(candidates.cardinality());
    boolean[] lengths = new boolean[maxLen + 1];
    for (int id = candidates.nextSetBit(0); id >= 0; id = candidates.nextSetBit(id + 1)) {
      byte[] b = bytes[id];
      if (b.length > 0) {
        index.put(key(hash(b, 0, b.length), b.length), id);
        lengths[b.length] = true;
      }
    }
    for (int e = emitted.nextSetBit(0); e >= 0; e = emitted.nextSetBit(e + 1)) {
      byte[] b = bytes[e];
      for (int i = 0; i < b.length; i++) {
        long h = 0;
        int stop = Math.min(b.length, i + maxLen);
        for (int j = i; j < stop; j++) {
          h = h * MULTIPLIER + (b[j] & 0xFF) + 1;
          int len = j - i + 1;
          if (!lengths[len] || len == b.length) {
            continue; // no candidate this long, or the whole piece (not a longer one)
          }
          for (int id = index.first(key(h, len)); id >= 0; id = index.next(id)) {
            if (!found.get(id) && bytes[id].length == len && Arrays.equals(bytes[id], 0, len, b, i, j + 1)) {
              found.set(id);
            }
          }
        }
      }
    }
    return found;
  }

  private static long hash(byte[] b, int from, int to) {
    long h = 0;
    for (int j = from; j < to; j++) {
      h = h * MULTIPLIER + (b[j] & 0xFF) + 1;
    }
    return h;
  }

  private static long key(long hash, int length) {
    long k = (hash ^ ((long) length << 56)) * 0x9E3779B97F4A7C15L;
    return k ^ (k >>> 29);
  }

  /** Open-addressing table key -> chain of candidate ids with that key (same bytes, or a rare collision). */
  private static final class Index {
    private final long[] keys;
    private final int[] heads;
    private final java.util.Map<Integer, Integer> chain = new java.util.HashMap<>(); // id -> next id with its key
    private final int mask;

    Index(int entries) {
      int cap = Integer.highestOneBit(Math.max(4, entries) * 2 - 1) << 1;
      keys = new long[cap];
      heads = new int[cap];
      Arrays.fill(heads, -1);
      mask = cap - 1;
    }

    void put(long key, int id) {
      int i = (int) key & mask;
      while (heads[i] >= 0 && keys[i] != key) {
        i = (i + 1) & mask;
      }
      if (heads[i] >= 0) {
        chain.put(id, heads[i]);
      }
      keys[i] = key;
      heads[i] = id;
    }

    int first(long key) {
      for (int i = (int) key & mask; heads[i] >= 0; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return heads[i];
        }
      }
      return -1;
    }

    int next(int id) {
      Integer n = chain.get(id);
      return n == null ? -1 : n;
    }
  }
}
