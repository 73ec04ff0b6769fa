package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VocabularyTest {
  @Test
  void byteFallbackPiecesAreExactlyAngleZeroXAndTwoAsciiHexDigits() {
    assertEquals(10, Vocabulary.byteFallbackValue("<0x0A>"));
    assertEquals(255, Vocabulary.byteFallbackValue("<0xff>"));
    assertEquals(0xE3, Vocabulary.byteFallbackValue("<0xE3>"));
    assertEquals(-1, Vocabulary.byteFallbackValue("<0x0A"));
    assertEquals(-1, Vocabulary.byteFallbackValue("<0x0AB>"));
    assertEquals(-1, Vocabulary.byteFallbackValue("<0X0A>"));
    assertEquals(-1, Vocabulary.byteFallbackValue("<0xG0>"));
    assertEquals(-1, Vocabulary.byteFallbackValue("<0x\u0663A>")); // Arabic-Indic three is a digit, not hex
    assertEquals(-1, Vocabulary.byteFallbackValue("a"));
    assertEquals(-1, Vocabulary.byteFallbackValue(null));
  }

  @Test
  void textIsNullForAPartialCharacterAndBytesUndoTheMarkers() {
    // byte-level: "Ġ" is the space byte; "ä" is byte 0xE4, the first byte of a 3-byte character alone
    Vocabulary v = new Vocabulary(new String[] {"\u0120the", "\u00e4", "<0x41>", "\u2581x"},
        new boolean[4], Vocabulary.Marker.BYTE_LEVEL_SPACE);
    assertEquals(" the", v.text(0));
    assertNull(v.text(1));
    assertEquals("A", v.text(2));
    Vocabulary sp = new Vocabulary(new String[] {"\u2581x"}, new boolean[1], Vocabulary.Marker.METASPACE);
    assertEquals(" x", sp.text(0));
  }
}
