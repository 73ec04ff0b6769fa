package org.tokenometry.udfs.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hand-derived sentence spans from the UAX #29 sentence rules; each is checked on both paths. */
class AsciiSentenceSegmenterTest {
  private static void sentences(String text, int count, int... spans) {
    assertArrayEquals(spans, AsciiSentenceSegmenter.sentenceSpans(text), "fast path: " + text);
    assertArrayEquals(spans, TextSegmenter.icuSentenceSpans(text), "ICU: " + text);
    assertEquals(count, AsciiSentenceSegmenter.countSentences(text), "fast count: " + text);
    assertEquals(count, TextSegmenter.icuCountSentences(text), "ICU count: " + text);
    assertEquals(count, TextSegmenter.countSentences(text), "TextSegmenter count: " + text);
  }

  @Test
  void terminatorThenSpaceThenCapitalBreaks() {
    sentences("Hello. World", 2, 0, 7, 7, 12); // SB11 after ". "
    sentences("He said \"Stop.\" Then left.", 2, 0, 16, 16, 26); // SB9/10: closing quote and space stay
    sentences("Stop!? No", 2, 0, 7, 7, 9); // SB8a keeps "!?" together
  }

  @Test
  void fullStopExceptions() {
    sentences("3.14 is pi.", 1, 0, 11); // SB6: full stop before a digit
    sentences("U.S. Army", 2, 0, 5, 5, 9); // SB7 keeps "U.S" but ". A" after a space breaks
    sentences("e.g. this", 1, 0, 9); // SB8: a lower-case letter follows
    sentences("Wait... what", 1, 0, 12);
    sentences("x.) ( b", 1, 0, 7); // SB8 looks past closing and opening brackets
    // SB8's look-ahead stops at the next full stop: "5." is its own sentence
    sentences("See p. 5. Then", 3, 0, 7, 7, 10, 10, 14);
    sentences("Hi!, she said", 1, 0, 13); // SB8a: SContinue after a terminator
  }

  @Test
  void lineBreaksEndSentencesAndBlankOnesDoNotCount() {
    sentences("a.\n\nb", 2, 0, 3, 3, 4, 4, 5); // the lone "\n" is a sentence, but blank
    sentences("a\r\nb", 2, 0, 3, 3, 4); // SB3 keeps CR LF, SB4 breaks after it
    sentences("end.\r\nNext", 2, 0, 6, 6, 10);
    sentences("a.  ", 1, 0, 4);
    sentences("  ", 0, 0, 2);
    sentences("", 0);
    // String.isBlank counts U+001C..U+001F as whitespace (Character.isWhitespace), as the ICU path does
    sentences("a\n\u001C\n", 1, 0, 2, 2, 4);
  }
}
