package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BaselineTokenizersTest {
  // "a😀é": 'a' U+0061 (1 byte, UTF-16 0-1), '😀' U+1F600 (4 bytes, a surrogate pair at UTF-16 1-3),
  // 'é' U+00E9 (2 bytes, UTF-16 3-4)
  private static final String TEXT = "a\uD83D\uDE00\u00E9";

  @Test
  void utf8BytesEmitsOneTokenPerByteOnTheCharactersSpan() {
    Encoding e = new Utf8BytesTokenizer().encode(TEXT);
    // 😀 = F0 9F 98 80, é = C3 A9
    assertArrayEquals(new int[] {0x61, 0xF0, 0x9F, 0x98, 0x80, 0xC3, 0xA9}, e.ids());
    assertArrayEquals(new int[] {0, 1, 1, 1, 1, 3, 3}, e.starts());
    assertArrayEquals(new int[] {1, 3, 3, 3, 3, 4, 4}, e.ends());
    assertEquals(7, new Utf8BytesTokenizer().count(TEXT));
    assertEquals(256, new Utf8BytesTokenizer().vocabSize());
  }

  @Test
  void charsEmitsOneTokenPerCodePoint() {
    Encoding e = new CharsTokenizer().encode(TEXT);
    assertArrayEquals(new int[] {0x61, 0x1F600, 0xE9}, e.ids());
    assertArrayEquals(new int[] {0, 1, 3}, e.starts());
    assertArrayEquals(new int[] {1, 3, 4}, e.ends());
    assertEquals("\uD83D\uDE00", new CharsTokenizer().tokenString(0x1F600));
  }

  @Test
  void bytesAndCharsDecodeBackWordsCannot() {
    Utf8BytesTokenizer bytes = new Utf8BytesTokenizer();
    assertEquals(TEXT, bytes.decode(bytes.encode(TEXT).ids()));
    // a character cut after its first byte is one U+FFFD; ids that are not bytes are skipped
    assertEquals("a\uFFFDz", bytes.decode(new int[] {0x61, 0xF0, 300, -1, 0x7A}));
    CharsTokenizer chars = new CharsTokenizer();
    assertEquals(TEXT, chars.decode(chars.encode(TEXT).ids()));
    assertEquals(TEXT, chars.normalForm(TEXT));
    assertEquals(null, new WordsTokenizer().decode(new int[] {1, 2}));
    assertEquals(null, new WordsTokenizer().normalForm(TEXT));
  }

  @Test
  void wordsKeepsWordsAndPunctuationButNotSpaces() {
    // ICU segments "Hi, you!" as Hi | , | ␠ | you | ! ; the space is dropped
    Encoding e = new WordsTokenizer().encode("Hi, you!");
    assertArrayEquals(new int[] {0, 2, 4, 7}, e.starts());
    assertArrayEquals(new int[] {2, 3, 7, 8}, e.ends());
    assertEquals("Hi".hashCode() & Integer.MAX_VALUE, e.ids()[0]);
    assertEquals(-1, new WordsTokenizer().vocabSize());
  }
}
