package org.tokenometry.udfs.text;

/**
 * UTF-8 bytes to text, each ill-formed sequence replaced by U+FFFD as Rust's {@code String::from_utf8_lossy}
 * does (and the Hugging Face decoders with it): one U+FFFD per maximal subpart of an ill-formed sequence, the
 * Unicode Standard's recommended practice (ch. 3, "U+FFFD Substitution of Maximal Subparts"). A truncated but
 * so far valid sequence is one U+FFFD; a byte that can never start or continue a sequence is one U+FFFD.
 */
public final class Utf8Lossy {
  private Utf8Lossy() {}

  public static String decode(byte[] bytes) {
    return decode(bytes, bytes.length);
  }

  /** The text of bytes[0, length). */
  public static String decode(byte[] bytes, int length) {
    return decode(bytes, length, false);
  }

  /** The text of bytes[0, length), or null when they are not well-formed UTF-8 (Rust's {@code from_utf8}). */
  public static String decodeStrict(byte[] bytes, int length) {
    return decode(bytes, length, true);
  }

  private static String decode(byte[] bytes, int length, boolean strict) {
    StringBuilder out = new StringBuilder(length);
    int i = 0;
    while (i < length) {
      int b0 = bytes[i] & 0xFF;
      if (b0 < 0x80) {
        out.append((char) b0);
        i++;
        continue;
      }
      int need = continuationBytes(b0);
      if (need == 0) {
        if (strict) {
          return null;
        }
        out.append('\uFFFD');
        i++;
        continue;
      }
      int cp = b0 & (0x3F >> need);
      int j = i + 1;
      int k = 0;
      for (; k < need && j < length; k++, j++) {
        int c = bytes[j] & 0xFF;
        // the second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates, or > U+10FFFF)
        int lo = k == 0 && (b0 == 0xE0 || b0 == 0xF0) ? (b0 == 0xE0 ? 0xA0 : 0x90) : 0x80;
        int hi = k == 0 && (b0 == 0xED || b0 == 0xF4) ? (b0 == 0xED ? 0x9F : 0x8F) : 0xBF;
        if (c < lo || c > hi) {
          break;
        }
        cp = (cp << 6) | (c & 0x3F);
      }
      if (k == need) {
        out.appendCodePoint(cp);
      } else if (strict) {
        return null;
      } else {
        out.append('\uFFFD'); // the valid prefix read so far; the offending byte starts the next round
      }
      i = j;
    }
    return out.toString();
  }

  /** Continuation bytes a lead byte needs, or 0 when it cannot lead (80..C1, F5..FF). */
  private static int continuationBytes(int b0) {
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      return 1;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      return 2;
    }
    return b0 >= 0xF0 && b0 <= 0xF4 ? 3 : 0;
  }
}
