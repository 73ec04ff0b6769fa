package org.tokenometry.udfs.tokenizers.pure;

/** The UTF-8 bytes of one code point, without allocating (a lone surrogate is written as its 3-byte form). */
final class Utf8 {
  private Utf8() {}

  /** Writes {@code cp}'s bytes to {@code b}; returns how many. */
  static int encode(int cp, byte[] b) {
    if (cp < 0x80) {
      b[0] = (byte) cp;
      return 1;
    } else if (cp < 0x800) {
      b[0] = (byte) (0xC0 | (cp >> 6));
      b[1] = (byte) (0x80 | (cp & 0x3F));
      return 2;
    } else if (cp < 0x10000) {
      b[0] = (byte) (0xE0 | (cp >> 12));
      b[1] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      b[2] = (byte) (0x80 | (cp & 0x3F));
      return 3;
    }
    b[0] = (byte) (0xF0 | (cp >> 18));
    b[1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
    b[2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
    b[3] = (byte) (0x80 | (cp & 0x3F));
    return 4;
  }

  static int firstByte(int cp) {
    byte[] b = new byte[4];
    encode(cp, b);
    return b[0] & 0xFF;
  }

  static int lastByte(int cp) {
    byte[] b = new byte[4];
    return b[encode(cp, b) - 1] & 0xFF;
  }
}
