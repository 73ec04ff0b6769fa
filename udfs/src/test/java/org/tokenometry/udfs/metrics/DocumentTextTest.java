package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.lang.UCharacter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.text.TextSegmenter;

class DocumentTextTest {
  private static void facts(String text, long bytes, long chars, long words, long sentences, long nonWs) {
    DocumentText d = DocumentText.of(text);
    assertEquals(bytes, d.bytes(), "bytes");
    assertEquals(chars, d.chars(), "code points");
    assertEquals(words, d.words(), "words");
    assertEquals(sentences, d.sentences(), "sentences");
    assertEquals(nonWs, d.nonWhitespaceChars(), "non-whitespace");
  }

  @Test
  void asciiDocument() {
    // 21 chars; It's|3.5|km|Done = 4 words; sentences "It's 3.5 km.\t", "Done!\n" and a blank "  " = 2;
    // whitespace: 2 spaces, tab, LF, 2 trailing spaces = 6, so 15 non-whitespace
    facts("It's 3.5 km.\tDone!\n  ", 21, 21, 4, 2, 15);
    // U+001C is Java whitespace but not Unicode White_Space: it counts as a non-whitespace char
    facts("a\u001Cb", 3, 3, 2, 1, 3);
    facts("", 0, 0, 0, 0, 0);
  }

  @Test
  void asciiWhiteSpaceIsUnicodeWhiteSpaceForEveryAsciiChar() {
    for (int c = 0; c < 128; c++) {
      int expected = UCharacter.isUWhiteSpace(c) ? 1 : 0;
      assertEquals(expected, DocumentText.asciiWhiteSpace(new byte[] {(byte) c}), "U+" + Integer.toHexString(c));
      assertEquals(1 - expected, DocumentText.of(String.valueOf((char) c)).nonWhitespaceChars(), "U+" + Integer.toHexString(c));
    }
    assertEquals(6, DocumentText.asciiWhiteSpace("\t\n\u000B\u000C\r \u001C\u001Fx".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void nonAsciiDocument() {
    // n a i-diaeresis(2 bytes) v e, space, emoji (4 bytes, 2 chars UTF-16, 1 code point)
    facts("na\u00EFve \uD83D\uDE00", 11, 7, 1, 1, 6);
    // NEL (U+0085) is White_Space and a sentence separator
    facts("ab\u0085cd", 6, 5, 2, 2, 4);
    // a lone surrogate is one '?' byte in UTF-8, as String.getBytes writes it
    facts("a\uD800b", 3, 3, 2, 1, 3);
  }

  @Test
  void matchesTheStraightforwardDefinitionOnRandomText() {
    String alphabet = "aZ09 .,!?'_\t\n\r\u001C\u0000\u00EF\u0085\u00A0\u3000\u4E2D\u0E01\uD83D\uDE00\uD800";
    SplittableRandom rnd = new SplittableRandom(99L);
    for (int t = 0; t < 5_000; t++) {
      StringBuilder b = new StringBuilder();
      boolean asciiOnly = t % 2 == 0;
      int len = rnd.nextInt(40);
      for (int i = 0; i < len; i++) {
        b.append(alphabet.charAt(rnd.nextInt(asciiOnly ? 15 : alphabet.length())));
      }
      String s = b.toString();
      DocumentText d = DocumentText.of(s);
      assertEquals(s.getBytes(StandardCharsets.UTF_8).length, d.bytes(), s);
      assertEquals(s.codePointCount(0, s.length()), d.chars(), s);
      assertEquals(s.codePoints().filter(cp -> !UCharacter.isUWhiteSpace(cp)).count(), d.nonWhitespaceChars(), s);
      assertArrayEquals(TextSegmenter.wordSpans(s), d.wordSpans(), s);
      assertEquals(TextSegmenter.countSentences(s), d.sentences(), s);
    }
  }
}
