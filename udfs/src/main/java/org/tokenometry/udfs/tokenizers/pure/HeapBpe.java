package org.tokenometry.udfs.tokenizers.pure;

/**
 * The merge loop both BPE engines use for long words: symbols as a linked list in parallel arrays, candidate
 * merges in a binary heap of longs (rank << 32 | position), lowest rank first, leftmost on ties, as the
 * Hugging Face BPE model does. Each live symbol remembers the rank of the pair it starts, so a queued candidate
 * is checked for staleness without another merge-table lookup.
 */
final class HeapBpe {
  private HeapBpe() {}

  /**
   * Merges in place. {@code sym}: symbol ids; {@code next}/{@code prev}: the links (-1 at the ends);
   * {@code size[i]}: bytes of symbol i, 0 once merged into its left neighbour; {@code rankAt[i]}: rank of the
   * pair (i, next[i]), or -1; {@code heap[0, heapSize)}: the initial candidates, room for two more per merge.
   * Returns the number of merges made.
   */
  static int merge(int[] sym, int[] next, int[] prev, int[] size, int[] rankAt, long[] heap, int heapSize,
      MergeTable merges) {
    int merged = 0;
    while (heapSize > 0) {
      long top = heap[0];
      heapSize = Heap.pop(heap, heapSize);
      int pos = (int) top;
      int rank = (int) (top >>> 32);
      if (size[pos] == 0 || rankAt[pos] != rank) {
        continue; // stale: one side was merged since this candidate was queued
      }
      int nx = next[pos];
      int nn = next[nx];
      sym[pos] = merges.mergedOf(rank);
      size[pos] += size[nx];
      size[nx] = 0;
      next[pos] = nn;
      if (nn >= 0) {
        prev[nn] = pos;
      }
      merged++;
      int pv = prev[pos];
      if (pv >= 0) {
        int r = merges.rankOf(sym[pv], sym[pos]);
        rankAt[pv] = r;
        if (r >= 0) {
          heapSize = Heap.push(heap, heapSize, ((long) r << 32) | pv);
        }
      }
      int r = nn >= 0 ? merges.rankOf(sym[pos], sym[nn]) : -1;
      rankAt[pos] = r;
      if (r >= 0) {
        heapSize = Heap.push(heap, heapSize, ((long) r << 32) | pos);
      }
    }
    return merged;
  }
}
