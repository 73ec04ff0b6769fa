package org.tokenometry.udfs.tokenizers.pure;

/**
 * The merge loop both BPE engines use for short words: rescan a compact array for the lowest-ranked pair,
 * leftmost on ties, as tiktoken does. For a few dozen symbols that stay in L1 this beats keeping a heap, and
 * it merges in the heap's (rank, position) order, so the result is the same.
 */
final class LinearBpe {
  /** Words up to this many initial symbols take this loop. */
  static final int MAX_SYMBOLS = 32;
  /** The rank of a pair that never merges. */
  static final int NONE = Integer.MAX_VALUE;

  private LinearBpe() {}

  /**
   * Merges sym[0, n) in place. {@code rank[i]}: the rank of the pair (i, i + 1), or {@link #NONE};
   * {@code start[i]}: where symbol i starts in the word, carried along as symbols merge. Returns the count left.
   */
  static int merge(int[] sym, int[] start, int[] rank, int n, MergeTable merges) {
    while (true) {
      int best = NONE;
      int at = -1;
      for (int i = 0; i < n - 1; i++) {
        if (rank[i] < best) {
          best = rank[i];
          at = i;
        }
      }
      if (at < 0) {
        return n;
      }
      sym[at] = merges.mergedOf(best);
      n--;
      for (int j = at + 1; j < n; j++) {
        sym[j] = sym[j + 1];
        start[j] = start[j + 1];
        rank[j] = rank[j + 1];
      }
      rank[at] = at + 1 < n ? rankOrNone(merges, sym[at], sym[at + 1]) : NONE;
      if (at > 0) {
        rank[at - 1] = rankOrNone(merges, sym[at - 1], sym[at]);
      }
    }
  }

  static int rankOrNone(MergeTable merges, int left, int right) {
    int r = merges.rankOf(left, right);
    return r < 0 ? NONE : r;
  }
}
