package org.tokenometry.udfs.tokenizers.pure;

/**
 * A hand-written scanner for one Split regex. {@link #matchAt} answers what the regex's leftmost match
 * starting exactly at {@code pos} would be; the split driver turns matches and the gaps between them into
 * pieces the way the Hugging Face Split pre-tokenizer does (gaps kept for Isolated, dropped for inverted
 * Removed).
 */
abstract class RegexScanner implements Splitter {
  private final boolean keepGaps;

  RegexScanner(boolean keepGaps) {
    this.keepGaps = keepGaps;
  }

  /** End of the match starting at pos (exclusive, > pos), or -1 when the regex does not match there. */
  abstract int matchAt(int[] c, int pos, int end);

  @Override
  public final void split(int[] cps, int from, int to, IntList out) {
    int pos = from;
    while (pos < to) {
      int m = matchAt(cps, pos, to);
      if (m > pos) {
        out.add(pos, m);
        pos = m;
        continue;
      }
      int gapStart = pos;
      pos++;
      while (pos < to && (m = matchAt(cps, pos, to)) <= pos) {
        pos++;
      }
      if (keepGaps) {
        out.add(gapStart, pos);
      }
    }
  }

  static int run(int[] c, int pos, int end, int mask) {
    while (pos < end && CharClasses.is(c[pos], mask)) {
      pos++;
    }
    return pos;
  }

  static boolean isLineBreak(int cp) {
    return cp == '\r' || cp == '\n';
  }

  /** {@code [^\s\p{L}\p{N}]}. */
  static boolean isOther(int cp) {
    return (CharClasses.of(cp) & (CharClasses.SPACE | CharClasses.L | CharClasses.N)) == 0;
  }

  /**
   * The contraction suffixes {@code 's|'t|'re|'ve|'m|'ll|'d} after the apostrophe at {@code p - 1}; returns the
   * end or -1. Case-insensitive mode folds like Oniguruma: U+017F LONG S folds to s.
   */
  static int contraction(int[] c, int p, int end, boolean ignoreCase) {
    if (p >= end) {
      return -1;
    }
    int a = ignoreCase ? fold(c[p]) : c[p];
    switch (a) {
      case 's', 't', 'm', 'd' -> {
        return p + 1;
      }
      case 'r', 'v' -> {
        return p + 1 < end && (ignoreCase ? fold(c[p + 1]) : c[p + 1]) == 'e' ? p + 2 : -1;
      }
      case 'l' -> {
        return p + 1 < end && (ignoreCase ? fold(c[p + 1]) : c[p + 1]) == 'l' ? p + 2 : -1;
      }
      default -> {
        return -1;
      }
    }
  }

  private static int fold(int cp) {
    if (cp >= 'A' && cp <= 'Z') {
      return cp + 32;
    }
    return cp == 0x17F ? 's' : cp;
  }

  /**
   * The whitespace alternatives {@code \s*[\r\n]+|\s+(?!\S)|\s+} at a whitespace position, in that order.
   */
  static int whitespace(int[] c, int i, int end) {
    int j = i;
    int lastBreak = -1;
    while (j < end && CharClasses.is(c[j], CharClasses.SPACE)) {
      if (isLineBreak(c[j])) {
        lastBreak = j;
      }
      j++;
    }
    if (lastBreak >= 0) {
      return lastBreak + 1;
    }
    if (j == end) {
      return j;
    }
    return j - 1 > i ? j - 1 : j;
  }
}
