package org.tokenometry.udfs.tokenizers.pure;

import org.tokenometry.udfs.tokenizers.VocabIds;

/**
 * The vocabulary as a trie over UTF-16 units, so WordPiece's longest-match-first search is one walk from a
 * position instead of a hash lookup per candidate substring. Edges live in one open-addressing table of longs,
 * each holding its (node, unit) key and its child, so a probe reads one array; no objects per node. Immutable
 * after construction, so shared by all threads.
 */
final class PieceTrie {
  static final int ROOT = 0;
  private static final long EMPTY = -1L;

  private static final int CHILD_BITS = 22; // up to 4M nodes; the key (node, unit) takes the 38 bits above
  private static final long CHILD_MASK = (1L << CHILD_BITS) - 1;

  private final long[] table; // key << CHILD_BITS | child, or EMPTY
  private final int shift;
  private final int[] ids; // token id ending at each node, or -1
  private int nodes = 1;

  PieceTrie(VocabIds vocab) {
    long units = 1;
    for (int k = 0; k < vocab.size(); k++) {
      units += vocab.pieceAt(k).length();
    }
    if (units > CHILD_MASK) {
      throw Unsupported.feature("a WordPiece vocabulary of " + units + " characters");
    }
    int bits = 64 - Long.numberOfLeadingZeros(units * 2); // load factor at most 1/2
    table = new long[1 << bits];
    shift = 64 - bits;
    java.util.Arrays.fill(table, EMPTY);
    ids = new int[(int) units];
    java.util.Arrays.fill(ids, -1);
    vocab.forEach(this::insert);
  }

  private void insert(String piece, int id) {
    int node = ROOT;
    for (int i = 0; i < piece.length(); i++) {
      long key = key(node, piece.charAt(i));
      int h = slot(key);
      while (table[h] != EMPTY && (table[h] >>> CHILD_BITS) != key) {
        h = (h + 1) & (table.length - 1);
      }
      if (table[h] == EMPTY) {
        table[h] = (key << CHILD_BITS) | nodes++;
      }
      node = (int) (table[h] & CHILD_MASK);
    }
    ids[node] = id;
  }

  /** The node reached from {@code node} by {@code c}, or -1. */
  int child(int node, char c) {
    long key = key(node, c);
    int h = slot(key);
    while (true) {
      long e = table[h];
      if ((e >>> CHILD_BITS) == key) {
        return (int) (e & CHILD_MASK);
      }
      if (e == EMPTY) {
        return -1;
      }
      h = (h + 1) & (table.length - 1);
    }
  }

  /** The node spelling {@code s} from the root, or -1 when no piece starts with it. */
  int walk(String s) {
    int node = ROOT;
    for (int i = 0; i < s.length() && node >= 0; i++) {
      node = child(node, s.charAt(i));
    }
    return node;
  }

  /** The id of the piece spelled by the path to {@code node}, or -1 when that path is only a prefix. */
  int id(int node) {
    return ids[node];
  }

  private static long key(int node, char c) {
    return ((long) node << 16) | c;
  }

  private int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }
}
