package org.tokenometry.udfs.tokenizers.pure;

import static org.tokenometry.udfs.tokenizers.pure.CharClasses.L;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.N;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.SPACE;

/**
 * The GPT-2 pattern the ByteLevel pre-tokenizer applies when use_regex is on:
 * {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+}.
 */
final class Gpt2Scanner extends RegexScanner {
  Gpt2Scanner() {
    super(true);
  }

  @Override
  int matchAt(int[] c, int i, int n) {
    int cp = c[i];
    if (cp == '\'') {
      int k = contraction(c, i + 1, n, false);
      if (k > 0) {
        return k;
      }
    }
    int s = cp == ' ' && i + 1 < n && !CharClasses.is(c[i + 1], SPACE) ? i + 1 : i;
    int cls = CharClasses.of(c[s]);
    if ((cls & L) != 0) {
      return run(c, s + 1, n, L);
    }
    if ((cls & N) != 0) {
      return run(c, s + 1, n, N);
    }
    if ((cls & SPACE) == 0) {
      int j = s + 1;
      while (j < n && isOther(c[j])) {
        j++;
      }
      return j;
    }
    return whitespaceNoBreakRule(c, i, n);
  }

  /** {@code \s+(?!\S)|\s+}. */
  private static int whitespaceNoBreakRule(int[] c, int i, int n) {
    int j = run(c, i, n, SPACE);
    if (j == n) {
      return j;
    }
    return j - 1 > i ? j - 1 : j;
  }
}
