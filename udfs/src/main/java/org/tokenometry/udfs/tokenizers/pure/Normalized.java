package org.tokenometry.udfs.tokenizers.pure;

/**
 * Normalized code points of one text segment with, for each, the UTF-16 interval of the original text it
 * is aligned to (the Hugging Face NormalizedString alignment, at code-point rather than byte granularity).
 */
final class Normalized {
  int[] cps = new int[64];
  int[] origStart = new int[64];
  int[] origEnd = new int[64];
  int size;

  void clear() {
    size = 0;
  }

  /** Drops buffers a long text grew, so a thread does not keep them. */
  void trim() {
    if (cps.length > JavaBpeTokenizer.MAX_KEPT) {
      cps = new int[64];
      origStart = new int[64];
      origEnd = new int[64];
      size = 0;
    }
  }

  void add(int cp, int start, int end) {
    if (size == cps.length) {
      int cap = size * 2;
      cps = java.util.Arrays.copyOf(cps, cap);
      origStart = java.util.Arrays.copyOf(origStart, cap);
      origEnd = java.util.Arrays.copyOf(origEnd, cap);
    }
    cps[size] = cp;
    origStart[size] = start;
    origEnd[size] = end;
    size++;
  }

  /** Appends text[from, to) unchanged. */
  void addIdentity(String text, int from, int to) {
    int i = from;
    while (i < to) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      add(cp, i, next);
      i = next;
    }
  }
}
