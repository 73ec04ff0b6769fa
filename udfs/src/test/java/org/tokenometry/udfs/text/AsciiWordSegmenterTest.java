package org.tokenometry.udfs.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hand-derived word spans from the UAX #29 rules as ICU 76 tailors them; each is checked on both paths. */
class AsciiWordSegmenterTest {
  private static void words(String text, int... expected) {
    assertArrayEquals(expected, AsciiWordSegmenter.wordSpans(text), "fast path: " + text);
    assertArrayEquals(expected, TextSegmenter.icuWordSpans(text), "ICU: " + text);
    assertArrayEquals(expected, TextSegmenter.wordSpans(text), "TextSegmenter: " + text);
  }

  @Test
  void underscoreIsAWordOnlyWhenJoined() {
    words("_"); // a lone ExtendNumLet only matches ICU's untagged catch-all rule: WORD_NONE
    words("a _ b", 0, 1, 4, 5);
    words("__", 0, 2); // WB13a ExtendNumLet x ExtendNumLet is tagged
    words("__init__", 0, 8);
    words("x_1", 0, 3);
  }

  @Test
  void numbersKeepTheirSeparatorsOnlyBetweenDigits() {
    words("3.14", 0, 4);
    words("1,000", 0, 5);
    words("1;2", 0, 3); // semicolon is MidNum
    words("1.5.2", 0, 5);
    words("1,", 0, 1);
    words("a.1", 0, 1, 2, 3); // MidNumLet needs the same kind on both sides
    words("1.a", 0, 1, 2, 3);
    words("zZ0", 0, 3); // WB9 letter x digit
  }

  @Test
  void lettersKeepApostrophesAndFullStopsBetweenLetters() {
    words("can't", 0, 5);
    words("e.g.", 0, 3); // the final full stop has no letter after it
    words("U.S.", 0, 3);
    words("a'", 0, 1);
    words("'a'", 1, 2);
    words("a;b", 0, 1, 2, 3); // MidNum does not join letters
  }

  @Test
  void colonIsPunctuationInTheRootLocale() {
    // Unicode lists ':' as MidLetter, but ICU's root word rules remove it (only Swedish joins a:b)
    words("a:b", 0, 1, 2, 3);
    words("1:2", 0, 1, 2, 3);
  }

  @Test
  void whitespaceAndControlsSeparateWords() {
    words("a\tb", 0, 1, 2, 3);
    words("a\r\nb", 0, 1, 3, 4);
    words("a\u000Bb\u000Cc", 0, 1, 2, 3, 4, 5);
    words("  x  ", 2, 3);
    words("");
  }

  @Test
  void longTextBeyondTheCachedBufferSize() {
    // 1.5 M chars: more than the per-thread edge buffer keeps, so the uncached path runs too
    String text = "ab 1.5 _ ".repeat(170_000);
    int[] spans = AsciiWordSegmenter.wordSpans(text);
    assertEquals(2 * 2 * 170_000, spans.length);
    assertArrayEquals(new int[] {0, 2, 3, 6, 9, 11, 12, 15}, java.util.Arrays.copyOf(spans, 8));
    assertArrayEquals(TextSegmenter.icuWordSpans(text), spans);
    assertArrayEquals(new int[] {0, 2}, AsciiWordSegmenter.wordSpans("ab")); // and a short one after it
  }

  @Test
  void nonAsciiTextGoesToIcu() {
    // U+00EF is ALetter; the fast path's table only covers ASCII, so TextSegmenter must not send it there
    assertEquals(false, TextSegmenter.isAscii("na\u00EFve"));
    assertEquals(true, TextSegmenter.isAscii("naive \u007F"));
    assertArrayEquals(new int[] {0, 5}, TextSegmenter.wordSpans("na\u00EFve"));
  }
}
