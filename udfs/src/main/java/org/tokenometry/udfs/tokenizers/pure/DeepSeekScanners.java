package org.tokenometry.udfs.tokenizers.pure;

import static org.tokenometry.udfs.tokenizers.pure.CharClasses.L;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.M;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.N;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.P;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.S;
import static org.tokenometry.udfs.tokenizers.pure.CharClasses.SPACE;

/** The three Isolated Split regexes of DeepSeek-V3's pre-tokenizer sequence. */
final class DeepSeekScanners {
  static final String DIGITS = "\\p{N}{1,3}";
  static final String CJK = "[\u4e00-\u9fa5\u3040-\u309f\u30a0-\u30ff]+";
  static final String WORDS = "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+"
      + "| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+";

  private DeepSeekScanners() {}

  /** {@code \p{N}{1,3}}. */
  static final class Digits extends RegexScanner {
    Digits() {
      super(true);
    }

    @Override
    int matchAt(int[] c, int i, int n) {
      if (!CharClasses.is(c[i], N)) {
        return -1;
      }
      int j = i + 1;
      while (j < n && j - i < 3 && CharClasses.is(c[j], N)) {
        j++;
      }
      return j;
    }
  }

  /** CJK ideographs U+4E00..U+9FA5, hiragana and katakana runs. */
  static final class Cjk extends RegexScanner {
    Cjk() {
      super(true);
    }

    private static boolean cjk(int cp) {
      return (cp >= 0x4E00 && cp <= 0x9FA5) || (cp >= 0x3040 && cp <= 0x30FF);
    }

    @Override
    int matchAt(int[] c, int i, int n) {
      if (!cjk(c[i])) {
        return -1;
      }
      int j = i + 1;
      while (j < n && cjk(c[j])) {
        j++;
      }
      return j;
    }
  }

  /** The word/punctuation/whitespace regex. */
  static final class Words extends RegexScanner {
    Words() {
      super(true);
    }

    private static boolean asciiPunct(int cp) {
      return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126);
    }

    private static boolean asciiLetter(int cp) {
      return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    }

    @Override
    int matchAt(int[] c, int i, int n) {
      int cp = c[i];
      if (asciiPunct(cp) && i + 1 < n && asciiLetter(c[i + 1])) {
        int j = i + 2;
        while (j < n && asciiLetter(c[j])) {
          j++;
        }
        return j;
      }
      int cls = CharClasses.of(cp);
      if ((cls & (L | P | S)) == 0 && !RegexScanner.isLineBreak(cp) && i + 1 < n && CharClasses.is(c[i + 1], L | M)) {
        return run(c, i + 2, n, L | M);
      }
      if ((cls & (L | M)) != 0) {
        return run(c, i + 1, n, L | M);
      }
      int s = cp == ' ' && i + 1 < n && CharClasses.is(c[i + 1], P | S) ? i + 1 : i;
      if (CharClasses.is(c[s], P | S)) {
        int j = run(c, s + 1, n, P | S);
        while (j < n && RegexScanner.isLineBreak(c[j])) {
          j++;
        }
        return j;
      }
      if ((cls & SPACE) != 0) {
        return whitespace(c, i, n);
      }
      return -1;
    }
  }
}
