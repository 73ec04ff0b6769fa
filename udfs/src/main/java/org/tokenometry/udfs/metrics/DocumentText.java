package org.tokenometry.udfs.metrics;

import com.ibm.icu.lang.UCharacter;
import org.tokenometry.udfs.text.AsciiSentenceSegmenter;
import org.tokenometry.udfs.text.AsciiWordSegmenter;
import org.tokenometry.udfs.text.TextSegmenter;

/**
 * What every tokenizer's metrics need from one document, computed once per document: UTF-8 bytes, code
 * points, ICU word spans (UTF-16), sentences, and the non-whitespace code points (Unicode White_Space).
 */
public record DocumentText(String text, long bytes, long chars, int[] wordSpans, long sentences,
    long nonWhitespaceChars) {

  /** Unicode White_Space among ASCII: TAB, LF, VT, FF, CR and SPACE (not U+001C..U+001F, unlike Java's). */
  private static final boolean[] ASCII_WHITE_SPACE = asciiWhiteSpace();

  public static DocumentText of(String text) {
    int n = text.length();
    long nonWs = 0;
    int i = 0;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        break;
      }
      if (!ASCII_WHITE_SPACE[c]) {
        nonWs++;
      }
    }
    if (i == n) {
      // pure ASCII (most English and domain text): one byte per char, and the exact ASCII segmenters
      return new DocumentText(text, n, n, AsciiWordSegmenter.wordSpans(text),
          AsciiSentenceSegmenter.countSentences(text), nonWs);
    }
    long chars = i;
    long bytes = i;
    while (i < n) {
      int cp = text.codePointAt(i);
      chars++;
      bytes += utf8Length(cp);
      if (!UCharacter.isUWhiteSpace(cp)) {
        nonWs++;
      }
      i += Character.charCount(cp);
    }
    return new DocumentText(text, bytes, chars, TextSegmenter.wordSpans(text), TextSegmenter.countSentences(text),
        nonWs);
  }

  /** What String.getBytes(UTF_8) writes for one code point; a lone surrogate becomes one '?' byte. */
  private static int utf8Length(int cp) {
    if (cp < 0x80) {
      return 1;
    }
    if (cp < 0x800) {
      return 2;
    }
    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      return 1;
    }
    return cp < 0x10000 ? 3 : 4;
  }

  private static boolean[] asciiWhiteSpace() {
    boolean[] t = new boolean[128];
    for (int c = 0; c < 128; c++) {
      t[c] = UCharacter.isUWhiteSpace(c);
    }
    return t;
  }

  public long words() {
    return wordSpans.length / 2;
  }
}
