package org.tokenometry.udfs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class Utf8LossyTest {
  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void replacesMaximalSubpartsAsTheUnicodeStandardsExample() {
    // The Unicode Standard's example of U+FFFD substitution of maximal subparts (ch. 3, "U+FFFD Substitution"):
    // 61 | F1 80 80 | E1 80 | C2 | 62 | 80 | 63 | 80 | BF | 64
    byte[] in = bytes(0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64);
    assertEquals("a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd", Utf8Lossy.decode(in));
    assertNull(Utf8Lossy.decodeStrict(in, in.length));
  }

  @Test
  void narrowSecondByteRangesRejectOverlongsSurrogatesAndTooLargeCodePoints() {
    assertEquals("\uFFFD\uFFFD", Utf8Lossy.decode(bytes(0xC0, 0xAF)));            // overlong '/': C0 never leads
    assertEquals("\uFFFD\uFFFD", Utf8Lossy.decode(bytes(0xE0, 0x80)));            // E0 needs A0..BF next
    assertEquals("\uFFFD\uFFFD\uFFFD", Utf8Lossy.decode(bytes(0xED, 0xA0, 0x80))); // a surrogate
    assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD", Utf8Lossy.decode(bytes(0xF4, 0x90, 0x80, 0x80))); // > U+10FFFF
    assertEquals("\uFFFD", Utf8Lossy.decode(bytes(0xE4, 0xB8)));                  // truncated at the end
  }

  @Test
  void wellFormedTextComesBackAsIs() {
    byte[] in = "a\u00E9\u4E2D\uD83D\uDE00".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("a\u00E9\u4E2D\uD83D\uDE00", Utf8Lossy.decode(in));
    assertEquals("a\u00E9\u4E2D\uD83D\uDE00", Utf8Lossy.decodeStrict(in, in.length));
    assertEquals("a\u00E9", Utf8Lossy.decodeStrict(in, 3)); // only the first 3 bytes
  }
}
