package org.tokenometry.udfs.tokenizers;

import java.util.Arrays;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * A model vocabulary, piece → id, as one open-addressing table that also answers for a region of a string and
 * for two regions back to back without building a String: loading 60k-580k merges looks up both parts of each
 * merge and their concatenation, and the substrings, concatenations and HashMap nodes that cost were most of a
 * load. Hashes are String.hashCode's, so a whole key's cached hash serves. Keeps the order pieces were first
 * put in, with the last id put for each, as the tree of a JSON object does.
 */
public final class VocabIds {
  private String[] keys;
  private long[] hashAndId; // per slot: the key's hash in the high half, its id in the low: one read per probe
  private boolean[] intValued; // whether the file wrote the id as a plain int (a tree's isInt())
  private int shift;
  private int[] order = new int[16]; // slots in the order their pieces were first put
  private int size;

  VocabIds(int expected) {
    allocate(Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1); // load factor at most 1/2
  }

  /** No pieces: what engines see of a vocab that is not a JSON object. */
  public static VocabIds empty() {
    return new VocabIds(0);
  }

  public static VocabIds of(Map<String, Integer> vocab) {
    VocabIds v = new VocabIds(vocab.size());
    vocab.forEach((piece, id) -> v.put(piece, id, true));
    return v;
  }

  private void allocate(int cap) {
    keys = new String[cap];
    hashAndId = new long[cap];
    intValued = new boolean[cap];
    shift = 32 - Integer.numberOfTrailingZeros(cap);
  }

  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  /** A piece put twice keeps its first position and its last id, as a JSON object's tree does. */
  void put(String key, int id, boolean isInt) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int h = key.hashCode();
    int i = slot(h);
    while (keys[i] != null) {
      if ((int) (hashAndId[i] >>> 32) == h && keys[i].equals(key)) {
        hashAndId[i] = slotValue(h, id);
        intValued[i] = isInt;
        return;
      }
      i = (i + 1) & (keys.length - 1);
    }
    keys[i] = key;
    hashAndId[i] = slotValue(h, id);
    intValued[i] = isInt;
    if (size == order.length) {
      order = Arrays.copyOf(order, size * 2);
    }
    order[size++] = i;
  }

  private static long slotValue(int hash, int id) {
    return ((long) hash << 32) | (id & 0xFFFFFFFFL);
  }

  private void grow() {
    String[] oldKeys = keys;
    long[] oldHashAndId = hashAndId;
    boolean[] oldInt = intValued;
    int[] oldOrder = order;
    allocate(keys.length * 2);
    for (int k = 0; k < size; k++) {
      int from = oldOrder[k];
      int i = slot((int) (oldHashAndId[from] >>> 32));
      while (keys[i] != null) {
        i = (i + 1) & (keys.length - 1);
      }
      keys[i] = oldKeys[from];
      hashAndId[i] = oldHashAndId[from];
      intValued[i] = oldInt[from];
      order[k] = i;
    }
  }

  public int size() {
    return size;
  }

  /** Id of the piece, or -1. */
  public int get(String piece) {
    return get(piece, 0, piece.length());
  }

  /** Id of the piece s[from, to), or -1. */
  public int get(String s, int from, int to) {
    return get(s, from, to, s, to, to);
  }

  /** Id of the piece a[aFrom, aTo) + b[bFrom, bTo), or -1. */
  public int get(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
    int i = find(a, aFrom, aTo, b, bFrom, bTo);
    return i < 0 ? -1 : (int) hashAndId[i];
  }

  /** Whether the piece is present with an id written as a plain int (what {@code JsonNode.isInt()} says). */
  public boolean hasIntId(String piece) {
    int i = find(piece, 0, piece.length(), piece, piece.length(), piece.length());
    return i >= 0 && intValued[i];
  }

  private int find(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
    int h = 0;
    for (int k = aFrom; k < aTo; k++) {
      h = 31 * h + a.charAt(k);
    }
    for (int k = bFrom; k < bTo; k++) {
      h = 31 * h + b.charAt(k);
    }
    int aLen = aTo - aFrom;
    int len = aLen + bTo - bFrom;
    for (int i = slot(h); keys[i] != null; i = (i + 1) & (keys.length - 1)) {
      String key = keys[i];
      if ((int) (hashAndId[i] >>> 32) == h && key.length() == len && key.regionMatches(0, a, aFrom, aLen)
          && key.regionMatches(aLen, b, bFrom, len - aLen)) {
        return i;
      }
    }
    return -1;
  }

  /** The k-th piece in the order the pieces were first put. */
  public String pieceAt(int k) {
    return keys[order[k]];
  }

  /** Id of the k-th piece in the order the pieces were first put. */
  public int idAt(int k) {
    return (int) hashAndId[order[k]];
  }

  /** Each piece and its id, in the order the pieces were first put. */
  public void forEach(ObjIntConsumer<String> action) {
    for (int k = 0; k < size; k++) {
      action.accept(keys[order[k]], (int) hashAndId[order[k]]);
    }
  }
}
