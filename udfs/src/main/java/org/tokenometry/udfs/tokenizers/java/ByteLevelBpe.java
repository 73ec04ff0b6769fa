package org.tokenometry.udfs.tokenizers.java;

/**
 * BPE over the UTF-8 bytes of one pre-token, merging the lowest-ranked adjacent pair first (leftmost on
 * ties), as the Hugging Face BPE model does. Symbols live in parallel arrays as a linked list; candidate
 * merges sit in a binary heap of longs (rank, position).
 */
final class ByteLevelBpe {
  private ByteLevelBpe() {}

  /** Returns {count, ids..., start code point..., end code point...} relative to {@code from}. */
  static int[] encode(int[] cps, int from, int to, JavaBpeTokenizer tok, JavaBpeTokenizer.Scratch s) {
    int len = utf8(cps, from, to, s);
    byte[] bytes = s.bytes;
    int[] byteCp = s.byteCp;
    int whole = tok.wholeWordId(bytes, len);
    if (whole >= 0) {
      return new int[] {1, whole, 0, to - from};
    }
    int[] sym = new int[len];
    int[] next = new int[len];
    int[] prev = new int[len];
    int[] size = new int[len];
    for (int i = 0; i < len; i++) {
      sym[i] = tok.byteId(bytes[i] & 0xFF);
      next[i] = i + 1 < len ? i + 1 : -1;
      prev[i] = i - 1;
      size[i] = 1;
    }
    MergeTable merges = tok.merges();
    long[] heap = new long[Math.max(4, len * 2)];
    int heapSize = 0;
    for (int i = 0; i + 1 < len; i++) {
      int slot = merges.find(sym[i], sym[i + 1]);
      if (slot >= 0) {
        heap = grow(heap, heapSize);
        heapSize = Heap.push(heap, heapSize, ((long) merges.rank(slot) << 32) | i);
      }
    }
    int count = len;
    while (heapSize > 0) {
      long top = heap[0];
      heapSize = Heap.pop(heap, heapSize);
      int pos = (int) top;
      int rank = (int) (top >>> 32);
      int nx = next[pos];
      if (size[pos] == 0 || nx < 0) {
        continue;
      }
      int slot = merges.find(sym[pos], sym[nx]);
      if (slot < 0 || merges.rank(slot) != rank) {
        continue; // stale: one side was merged since this candidate was queued
      }
      sym[pos] = merges.merged(slot);
      size[pos] += size[nx];
      size[nx] = 0;
      next[pos] = next[nx];
      if (next[nx] >= 0) {
        prev[next[nx]] = pos;
      }
      count--;
      int pv = prev[pos];
      if (pv >= 0) {
        int sl = merges.find(sym[pv], sym[pos]);
        if (sl >= 0) {
          heap = grow(heap, heapSize);
          heapSize = Heap.push(heap, heapSize, ((long) merges.rank(sl) << 32) | pv);
        }
      }
      if (next[pos] >= 0) {
        int sl = merges.find(sym[pos], sym[next[pos]]);
        if (sl >= 0) {
          heap = grow(heap, heapSize);
          heapSize = Heap.push(heap, heapSize, ((long) merges.rank(sl) << 32) | pos);
        }
      }
    }
    int[] out = new int[1 + 3 * count];
    out[0] = count;
    int k = 0;
    for (int i = 0; i >= 0; i = next[i]) {
      out[1 + k] = sym[i];
      out[1 + count + k] = byteCp[i];
      out[1 + 2 * count + k] = byteCp[i + size[i] - 1] + 1;
      k++;
    }
    return out;
  }

  /** UTF-8 of cps[from, to) into s.bytes, with each byte's code point index (relative) in s.byteCp. */
  private static int utf8(int[] cps, int from, int to, JavaBpeTokenizer.Scratch s) {
    int need = (to - from) * 4;
    if (s.bytes.length < need) {
      s.bytes = new byte[need];
      s.byteCp = new int[need];
    }
    byte[] b = s.bytes;
    int[] bc = s.byteCp;
    int n = 0;
    for (int i = from; i < to; i++) {
      int cp = cps[i];
      int rel = i - from;
      if (cp < 0x80) {
        bc[n] = rel;
        b[n++] = (byte) cp;
      } else if (cp < 0x800) {
        bc[n] = rel;
        b[n++] = (byte) (0xC0 | (cp >> 6));
        bc[n] = rel;
        b[n++] = (byte) (0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        bc[n] = rel;
        b[n++] = (byte) (0xE0 | (cp >> 12));
        bc[n] = rel;
        b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bc[n] = rel;
        b[n++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        bc[n] = rel;
        b[n++] = (byte) (0xF0 | (cp >> 18));
        bc[n] = rel;
        b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bc[n] = rel;
        b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bc[n] = rel;
        b[n++] = (byte) (0x80 | (cp & 0x3F));
      }
    }
    return n;
  }

  private static long[] grow(long[] heap, int size) {
    return size < heap.length ? heap : java.util.Arrays.copyOf(heap, heap.length * 2);
  }
}
