package org.tokenometry.udfs.metrics;

import com.ibm.icu.lang.UCharacter;
import java.nio.charset.StandardCharsets;
import org.tokenometry.udfs.text.AsciiSentenceSegmenter;
import org.tokenometry.udfs.text.AsciiWordSegmenter;
import org.tokenometry.udfs.text.TextSegmenter;

/**
 * What every tokenizer's metrics need from one document, computed once per document: UTF-8 bytes, code
 * points, ICU word spans (UTF-16), sentences, and the non-whitespace code points (Unicode White_Space).
 */
public record DocumentText(String text, long bytes, long chars, int[] wordSpans, long sentences,
    long nonWhitespaceChars) {

  public static DocumentText of(String text) {
    int n = text.length();
    if (TextSegmenter.isAscii(text)) {
      // most English and domain text: one byte per char, one Latin-1 copy shared by the exact ASCII segmenters
      byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
      return new DocumentText(text, n, n, AsciiWordSegmenter.wordSpans(ascii),
          AsciiSentenceSegmenter.countSentences(ascii), n - asciiWhiteSpace(ascii));
    }
    long nonWs = 0;
    long chars = 0;
    long bytes = 0;
    for (int i = 0; i < n; ) {
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

  /**
   * Unicode White_Space among ASCII bytes: TAB, LF, VT, FF, CR (9..13) and SPACE; not U+001C..U+001F, which only
   * Java calls whitespace. Branch-free because it runs over every byte of every ASCII document.
   */
  static int asciiWhiteSpace(byte[] ascii) {
    int ws = 0;
    for (byte b : ascii) {
      int c = b;
      ws += (((c - 9) >>> 31) ^ 1) & (((13 - c) >>> 31) ^ 1) | (((c ^ ' ') - 1) >>> 31);
    }
    return ws;
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

  public long words() {
    return wordSpans.length / 2;
  }
}
