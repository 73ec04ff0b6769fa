package org.tokenometry.udfs.tokenizers.pure;

/** GPT-2's byte-to-character alphabet: printable bytes stand for themselves, the rest map to U+0100 onwards. */
final class ByteLevel {
  private ByteLevel() {}

  static int[] byteToChar() {
    int[] map = new int[256];
    int next = 256;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      map[b] = printable ? b : next++;
    }
    return map;
  }
}
