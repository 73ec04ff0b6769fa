package org.tokenometry.udfs.tokenizers.pure;

import static org.tokenometry.udfs.tokenizers.pure.CharClasses.L;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.N;

/**
 * The cl100k pattern (also Llama 3's and, with single digits, Qwen's):
 * {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+}.
 */
final class Cl100kScanner extends RegexScanner {
  static final String CL100K = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}|"
      + " ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
  static final String QWEN = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}|"
      + " ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

  private final int maxDigits;

  Cl100kScanner(int maxDigits, boolean keepGaps) {
    super(keepGaps);
    this.maxDigits = maxDigits;
  }

  @Override
  int matchAt(int[] c, int i, int n) {
    int cp = c[i];
    if (cp == '\'') {
      int k = contraction(c, i + 1, n, true);
      if (k > 0) {
        return k;
      }
    }
    int cls = CharClasses.of(cp);
    if ((cls & L) != 0) {
      return run(c, i + 1, n, L);
    }
    if ((cls & N) == 0 && !isLineBreak(cp) && i + 1 < n && CharClasses.is(c[i + 1], L)) {
      return run(c, i + 2, n, L);
    }
    if ((cls & N) != 0) {
      int j = i + 1;
      while (j < n && j - i < maxDigits && CharClasses.is(c[j], N)) {
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
      while (j < n && isLineBreak(c[j])) {
        j++;
      }
      return j;
    }
    return whitespace(c, i, n);
  }
}
