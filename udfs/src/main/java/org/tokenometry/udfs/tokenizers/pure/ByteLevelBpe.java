package org.tokenometry.udfs.tokenizers.pure;

/**
 * BPE over the UTF-8 bytes of one pre-token, merging the lowest-ranked adjacent pair first (leftmost on
 * ties), as the Hugging Face BPE model does: short pre-tokens through {@link LinearBpe}, long ones through
 * {@link HeapBpe}.
 */
final class ByteLevelBpe {
  /** Pre-tokens up to this many bytes (nearly all words) take {@link LinearBpe}'s loop. */
  static final int LINEAR_MAX_BYTES = LinearBpe.MAX_SYMBOLS;

  private ByteLevelBpe() {}

  /**
   * The same merges as the heap loop for the bytes already in s.bytes: repeatedly merge the lowest-ranked pair,
   * leftmost on ties (strict {@code <} while scanning left to right), which is the heap's (rank, position) order.
   */
  static int linear(int len, JavaBpeTokenizer tok, JavaBpeTokenizer.Scratch s) {
    byte[] bytes = s.bytes;
    int[] sym = s.sym;
    int[] start = s.next; // byte where each symbol starts
    int[] rank = s.rankAt; // rank of the pair (i, i + 1), or NONE
    int[] pairRanks = tok.bytePairRanks();
    for (int i = 0; i < len; i++) {
      int b = bytes[i] & 0xFF;
      sym[i] = tok.byteId(b);
      start[i] = i;
      int r = i + 1 < len ? pairRanks[(b << 8) | (bytes[i + 1] & 0xFF)] : -1;
      rank[i] = r < 0 ? LinearBpe.NONE : r;
    }
    int n = LinearBpe.merge(sym, start, rank, len, tok.merges());
    int[] byteCp = s.byteCp;
    int words = 1 + 3 * n;
    int[] out = s.word(words);
    out[0] = n;
    for (int k = 0; k < n; k++) {
      out[1 + k] = sym[k];
      out[1 + n + k] = byteCp[start[k]];
      int end = k + 1 < n ? start[k + 1] : len;
      out[1 + 2 * n + k] = byteCp[end - 1] + 1;
    }
    return words;
  }

  /**
   * Encodes cps[from, to) into {@code s.word} as {count, ids..., start code point..., end code point...},
   * relative to {@code from}; returns the number of ints written (1 + 3 count).
   */
  static int encode(int[] cps, int from, int to, JavaBpeTokenizer tok, JavaBpeTokenizer.Scratch s) {
    int len = prepare(cps, from, to, tok, s);
    if (len < 0) {
      return 4;
    }
    return len <= LINEAR_MAX_BYTES ? linear(len, tok, s) : heap(len, tok, s);
  }

  /**
   * UTF-8 of the pre-token into s.bytes and room for its symbols; returns the byte length, or -1 when the
   * pre-token is a whole vocabulary token (ignore_merges), already written to {@code s.word}.
   */
  static int prepare(int[] cps, int from, int to, JavaBpeTokenizer tok, JavaBpeTokenizer.Scratch s) {
    int len = utf8(cps, from, to, s);
    int whole = tok.wholeWordId(s.bytes, len);
    if (whole >= 0) {
      int[] out = s.word(4);
      out[0] = 1;
      out[1] = whole;
      out[2] = 0;
      out[3] = to - from;
      return -1;
    }
    s.symbols(len);
    return len;
  }

  /** The heap merge loop over the {@code len} bytes {@link #prepare} left in s.bytes, for long pre-tokens. */
  static int heap(int len, JavaBpeTokenizer tok, JavaBpeTokenizer.Scratch s) {
    byte[] bytes = s.bytes;
    int[] byteCp = s.byteCp;
    int[] sym = s.sym;
    int[] next = s.next;
    int[] prev = s.prev;
    int[] size = s.symSize;
    int[] rankAt = s.rankAt; // rank of the pair (i, next[i]) while i starts a live symbol, else -1
    long[] heap = s.heap;
    int heapSize = 0;
    int[] pairRanks = tok.bytePairRanks();
    for (int i = 0; i < len; i++) {
      sym[i] = tok.byteId(bytes[i] & 0xFF);
      next[i] = i + 1 < len ? i + 1 : -1;
      prev[i] = i - 1;
      size[i] = 1;
      int r = i + 1 < len ? pairRanks[((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)] : -1;
      rankAt[i] = r;
      if (r >= 0) {
        heapSize = Heap.push(heap, heapSize, ((long) r << 32) | i);
      }
    }
    int count = len - HeapBpe.merge(sym, next, prev, size, rankAt, heap, heapSize, tok.merges());
    int n = 1 + 3 * count;
    int[] out = s.word(n);
    out[0] = count;
    int k = 0;
    for (int i = 0; i >= 0; i = next[i]) {
      out[1 + k] = sym[i];
      out[1 + count + k] = byteCp[i];
      out[1 + 2 * count + k] = byteCp[i + size[i] - 1] + 1;
      k++;
    }
    return n;
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
}
