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

  /** The words baseline as its definition reads: every ICU word segment that is not all whitespace. */
  private static Encoding icuWords(String text) {
    com.ibm.icu.text.BreakIterator it = com.ibm.icu.text.BreakIterator.getWordInstance(com.ibm.icu.util.ULocale.ROOT);
    it.setText(text);
    java.util.List<int[]> kept = new java.util.ArrayList<>();
    for (int start = it.first(), end = it.next(); end != com.ibm.icu.text.BreakIterator.DONE; start = end,
        end = it.next()) {
      if (!text.substring(start, end).codePoints().allMatch(com.ibm.icu.lang.UCharacter::isUWhiteSpace)) {
        kept.add(new int[] {start, end});
      }
    }
    int n = kept.size();
    int[] ids = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      starts[i] = kept.get(i)[0];
      ends[i] = kept.get(i)[1];
      ids[i] = text.substring(starts[i], ends[i]).hashCode() & Integer.MAX_VALUE;
    }
    return new Encoding(ids, starts, ends, new byte[n]);
  }

  @Test
  void wordsAsciiPathEqualsIcuOnRandomAsciiText() {
    // every ASCII class the fast path distinguishes: letters, digits, '_', mid letters and numbers, quotes,
    // whitespace of every kind, controls and other punctuation
    String alphabet = "aZ09_.,;:'\" \t\n\r\u000B\u000C\u0000\u001C\u007F!?-/$";
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    WordsTokenizer words = new WordsTokenizer();
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int i = r.nextInt(30); i > 0; i--) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = b.toString();
      Encoding want = icuWords(s);
      Encoding got = words.encode(s);
      assertArrayEquals(want.starts(), got.starts(), s);
      assertArrayEquals(want.ends(), got.ends(), s);
      assertArrayEquals(want.ids(), got.ids(), s);
    }
  }

  @Test
  void wordsFromTheSharedSegmentationEqualIcuOnRandomText() {
    // non-ASCII text goes through TextSegmenter.segments (words and other non-blank segments), as DocumentText
    // hands it to the baseline; CJK and Thai take ICU's dictionaries, NBSP and ideographic space are blank
    String alphabet = "aZ0 .,'\u00E9\u00A0\u3000\u6211\u54E5\u0E01\u0E34\u0E19\u0915\u093F\uD83D\uDE00\u2014";
    java.util.SplittableRandom r = new java.util.SplittableRandom(9);
    WordsTokenizer words = new WordsTokenizer();
    for (int t = 0; t < 5_000; t++) {
      StringBuilder b = new StringBuilder("\u00E9");
      for (int i = r.nextInt(30); i > 0; i--) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = b.toString();
      Encoding want = icuWords(s);
      Encoding got = words.encode(s);
      assertArrayEquals(want.starts(), got.starts(), s);
      assertArrayEquals(want.ends(), got.ends(), s);
      assertArrayEquals(want.ids(), got.ids(), s);
    }
  }

  @Test
  void utf8BytesEqualsTheJdksEncoderOnRandomText() {
    String alphabet = "a\u00E9\u0800\uFFFF\uD83D\uDE00\uD800\uDC00";
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    Utf8BytesTokenizer bytes = new Utf8BytesTokenizer();
    for (int t = 0; t < 5_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int i = r.nextInt(20); i > 0; i--) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length()))); // lone and paired surrogates alike
      }
      String s = b.toString();
      byte[] jdk = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int[] ids = bytes.encode(s).ids();
      assertEquals(jdk.length, ids.length, s);
      for (int i = 0; i < jdk.length; i++) {
        assertEquals(jdk[i] & 0xFF, ids[i], s + " byte " + i);
      }
    }
  }

  @Test
  void piecesOfTheBaselinesLayEndToEnd() {
    String text = "Hi, you! na\u00EFve \uD83D\uDE00 caf\u00E9";
    for (Tokenizer t : java.util.List.of(new Utf8BytesTokenizer(), new CharsTokenizer(), new WordsTokenizer())) {
      Encoding whole = t.encode(text);
      Encoding a = t.encode(text, 0, 8); // "Hi, you!" then " naïve ..."
      Encoding b = t.encode(text, 8, text.length());
      assertEquals(whole.size(), a.size() + b.size(), t.name());
      assertEquals(whole.starts()[a.size()], b.starts()[0], t.name());
      assertArrayEquals(java.util.Arrays.copyOfRange(whole.ids(), a.size(), whole.size()), b.ids(), t.name());
    }
  }
}
