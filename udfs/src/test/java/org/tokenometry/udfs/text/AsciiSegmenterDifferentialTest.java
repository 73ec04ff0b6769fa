package org.tokenometry.udfs.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ASCII fast paths against ICU's BreakIterators on random strings over an adversarial alphabet: every
 * character class the word and sentence rules distinguish, plus look-alikes that must not join.
 */
class AsciiSegmenterDifferentialTest {
  /** Repeats weight the classes so that rule contexts (letter . letter, digit , digit, ". a") occur often. */
  private static final String ALPHABET =
      "aAbBzZeE019..,,;;::''\"__!!??()[]--  \t\n\r/@#$%&*{}<>=+~`|\\^\u000B\u000C\u001C\u001F\u0000\u007F";

  @Test
  void randomStringsSegmentExactlyAsIcu() {
    SplittableRandom rnd = new SplittableRandom(20240829L);
    for (int t = 0; t < 40_000; t++) {
      assertSameAsIcu(randomString(rnd, 1 + rnd.nextInt(t % 10 == 0 ? 200 : 24)));
    }
  }

  @Test
  void randomStringsOverAllAsciiSegmentExactlyAsIcu() {
    // every control and symbol too, so no ASCII class is missed by the weighted alphabet above
    SplittableRandom rnd = new SplittableRandom(128L);
    for (int t = 0; t < 20_000; t++) {
      char[] c = new char[1 + rnd.nextInt(16)];
      for (int i = 0; i < c.length; i++) {
        c[i] = (char) rnd.nextInt(128);
      }
      assertSameAsIcu(new String(c));
    }
  }

  @Test
  void randomSentenceLikeStringsSegmentExactlyAsIcu() {
    // words and spaces with punctuation between them: exercises SB7/SB8 lookahead on realistic shapes
    String[] pieces = {"The", "the", "U", "S", "e", "g", "3", "14", "Mr", "x", "A", "i"};
    String[] glue = {" ", ". ", "? ", "! ", ".", "... ", ".\" ", ".) ", ", ", " (", "\n", "\r\n", ".\n", " - ",
        ": ", "; ", "' ", "'", "_", " 1", ".  ", "?!", "\t"};
    SplittableRandom rnd = new SplittableRandom(7L);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      int words = 1 + rnd.nextInt(12);
      for (int w = 0; w < words; w++) {
        b.append(pieces[rnd.nextInt(pieces.length)]).append(glue[rnd.nextInt(glue.length)]);
      }
      assertSameAsIcu(b.toString());
    }
  }

  private static String randomString(SplittableRandom rnd, int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
    }
    return new String(c);
  }

  static void assertSameAsIcu(String s) {
    int[] icuWords = TextSegmenter.icuWordSpans(s);
    int[] fastWords = AsciiWordSegmenter.wordSpans(s);
    if (!Arrays.equals(icuWords, fastWords)) {
      assertArrayEquals(icuWords, fastWords, "word spans of " + escape(s));
    }
    int[] icuSentences = TextSegmenter.icuSentenceSpans(s);
    int[] fastSentences = AsciiSentenceSegmenter.sentenceSpans(s);
    if (!Arrays.equals(icuSentences, fastSentences)) {
      assertArrayEquals(icuSentences, fastSentences, "sentence spans of " + escape(s));
    }
    assertEquals(TextSegmenter.icuCountSentences(s), AsciiSentenceSegmenter.countSentences(s),
        () -> "sentence count of " + escape(s));
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        b.append(c);
      } else {
        b.append(String.format("\\u%04X", (int) c));
      }
    }
    return b.append('"').toString();
  }
}
