package org.tokenometry.udfs.tokenizers.pure;

import static org.tokenometry.udfs.tokenizers.pure.CharClasses.L;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.LL;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.LM_LO;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.LU_LT;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.M;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.N;

/**
 * The o200k pattern: case-aware words {@code P?U*W+C?|P?U+W*C?} where U = [Lu Lt Lm Lo M], W = [Ll Lm Lo M],
 * P = [^\r\n\p{L}\p{N}], C = the contraction suffixes; then digits in threes, punctuation runs (with
 * trailing line breaks and slashes) and the whitespace alternatives.
 */
final class O200kScanner extends RegexScanner {
  static final String PATTERN = "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
      + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+"
      + "[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*"
      + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

  private static final int U = LU_LT | LM_LO | M;
  private static final int W = LL | LM_LO | M;

  O200kScanner(boolean keepGaps) {
    super(keepGaps);
  }

  @Override
  int matchAt(int[] c, int i, int n) {
    int cp = c[i];
    int cls = CharClasses.of(cp);
    boolean prefix = (cls & (L | N)) == 0 && !isLineBreak(cp) && i + 1 < n;
    // alternative 1, with then without the optional prefix (regex backtracking order)
    for (int s = prefix ? i + 1 : i; s >= i; s--) {
      int u = run(c, s, n, U);
      for (int k = u; k >= s; k--) {
        if (k < n && CharClasses.is(c[k], W)) {
          return suffix(c, run(c, k + 1, n, W), n);
        }
      }
    }
    // alternative 2
    for (int s = prefix ? i + 1 : i; s >= i; s--) {
      int u = run(c, s, n, U);
      if (u > s) {
        return suffix(c, run(c, u, n, W), n);
      }
    }
    if ((cls & N) != 0) {
      int j = i + 1;
      while (j < n && j - i < 3 && CharClasses.is(c[j], N)) {
        j++;
      }
      return j;
    }
    int s = cp == ' ' && i + 1 < n && isOther(c[i + 1]) ? i + 1 : i;
    if (isOther(c[s])) {
      int j = s + 1;
      while (j < n && isOther(c[j])) {
        j++;
      }
      while (j < n && (isLineBreak(c[j]) || c[j] == '/')) {
        j++;
      }
      return j;
    }
    return whitespace(c, i, n);
  }

  private static int suffix(int[] c, int p, int n) {
    if (p < n && c[p] == '\'') {
      int k = contraction(c, p + 1, n, true);
      if (k > 0) {
        return k;
      }
    }
    return p;
  }
}
