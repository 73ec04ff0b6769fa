package org.tokenometry.udfs.tokenizers.java;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * A model vocabulary, piece → id, as one open-addressing table that also answers for a region of a string and
 * for two regions back to back without building a String: loading 60k-580k merges looks up both parts of each
 * merge and their concatenation, and the substrings, concatenations and HashMap nodes that cost were most of a
 * load. Hashes are String.hashCode's, so a whole key's cached hash serves.
 */
final class VocabIds {
  private final String[] keys;
  private final int[] hashes;
  private final int[] ids;
  private final int shift;
  private int size;

  private VocabIds(int expected) {
    int cap = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1; // load factor at most 1/2
    keys = new String[cap];
    hashes = new int[cap];
    ids = new int[cap];
    shift = 32 - Integer.numberOfTrailingZeros(cap);
  }

  /** The fields of a model's vocab object, each value read with {@code asInt()} as the engines always did. */
  static VocabIds of(JsonNode vocab) {
    VocabIds v = new VocabIds(vocab.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      v.put(e.getKey(), e.getValue().asInt());
    }
    return v;
  }

  static VocabIds of(Map<String, Integer> vocab) {
    VocabIds v = new VocabIds(vocab.size());
    vocab.forEach(v::put);
    return v;
  }

  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  /** A key listed twice keeps its last id, as a map's put does. */
  private void put(String key, int id) {
    int h = key.hashCode();
    int i = slot(h);
    while (keys[i] != null) {
      if (hashes[i] == h && keys[i].equals(key)) {
        ids[i] = id;
        return;
      }
      i = (i + 1) & (keys.length - 1);
    }
    keys[i] = key;
    hashes[i] = h;
    ids[i] = id;
    size++;
  }

  int size() {
    return size;
  }

  /** Id of the piece, or -1. */
  int get(String piece) {
    return get(piece, 0, piece.length());
  }

  /** Id of the piece s[from, to), or -1. */
  int get(String s, int from, int to) {
    return get(s, from, to, s, to, to);
  }

  /** Id of the piece a[aFrom, aTo) + b[bFrom, bTo), or -1. */
  int get(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
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
      if (hashes[i] == h && key.length() == len && key.regionMatches(0, a, aFrom, aLen)
          && key.regionMatches(aLen, b, bFrom, len - aLen)) {
        return ids[i];
      }
    }
    return -1;
  }

  /** Slots of the table, for walking it with {@link #keyAt} and {@link #idAt}. */
  int slots() {
    return keys.length;
  }

  /** The piece in a slot, or null when the slot is empty. */
  String keyAt(int slot) {
    return keys[slot];
  }

  int idAt(int slot) {
    return ids[slot];
  }

  void forEach(ObjIntConsumer<String> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        action.accept(keys[i], ids[i]);
      }
    }
  }
}
