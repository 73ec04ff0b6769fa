package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tokenizers.VocabIds;

class ByteVocabularyTest {
  private static final ByteVocabulary VOCAB = new ByteVocabulary(VocabIds.of(Map.of(
      "a", 0, "b", 1, "ab", 2,
      "\u0120", 3, // Ġ: byte 0x20 (space) in GPT-2's byte alphabet
      "\u010Ax", 4, // Ċx: bytes 0x0A 'x'
      "\u00C3\u00A9", 5, // bytes C3 A9: é in UTF-8
      "\u4E00", 6)), // a character outside the byte alphabet: no byte sequence spells it
      ByteLevel.byteToChar());

  private static int get(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return VOCAB.get(b, b.length);
  }

  @Test
  void findsTokensByTheirBytes() {
    assertEquals(2, get("ab"));
    assertEquals(0, get("a"));
    assertEquals(3, get(" "));
    assertEquals(4, get("\nx"));
    assertEquals(5, get("é"));
  }

  @Test
  void answersMinusOneForByteSequencesThatAreNoToken() {
    assertEquals(-1, get("ba"));
    assertEquals(-1, get("abc"));
    assertEquals(-1, get("\u4E00"));
    assertEquals(-1, get("x"));
  }
}
