package org.tokenometry.udfs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VisibleTextTest {
  @Test
  void escapesWhatCannotBeSeenAndBytesThatAreNotText() {
    // tab, LF, NBSP (a space other than U+0020), ZWJ (Cf), a variation selector (default ignorable), a backslash
    assertEquals(" a\\u0009b\\u000A\\u00A0c\\u200Dd\\uFE0F\\\\", VisibleText.of(" a\tb\n\u00A0c\u200Dd\uFE0F\\"));
    // astral: an emoji stays, a tag character (Cf, U+E0041) is two UTF-16 escapes
    assertEquals("\uD83D\uDE00\\uDB40\\uDC41", VisibleText.of("\uD83D\uDE00\uDB40\uDC41"));
    // E2 80 is the start of a character without its end; C3 A9 is é
    assertEquals("\\xE2\\x80\u00E9", VisibleText.of(new byte[] {(byte) 0xE2, (byte) 0x80, (byte) 0xC3, (byte) 0xA9}));
    assertEquals("\u4E2D", VisibleText.of("\u4E2D".getBytes(StandardCharsets.UTF_8)));
  }
}
