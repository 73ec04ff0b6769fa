package org.tokenometry.udfs.tokenizers.pure;

/** A binary min-heap of longs in a caller-owned array: BPE merge candidates encoded as (rank << 32 | position). */
final class Heap {
  private Heap() {}

  static int push(long[] heap, int size, long v) {
    int i = size;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent] <= v) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = v;
    return size + 1;
  }

  static int pop(long[] heap, int size) {
    int n = size - 1;
    long last = heap[n];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= n) {
        break;
      }
      if (c + 1 < n && heap[c + 1] < heap[c]) {
        c++;
      }
      if (heap[c] >= last) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    if (n > 0) {
      heap[i] = last;
    }
    return n;
  }
}
