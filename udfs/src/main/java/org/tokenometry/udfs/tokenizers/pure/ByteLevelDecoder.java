package org.tokenometry.udfs.tokenizers.pure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.tokenometry.udfs.text.Utf8Lossy;

/**
 * The ByteLevel decoder: every token whose characters are all in GPT-2's byte alphabet becomes those bytes, any
 * other token (an added token stored as plain text) its own UTF-8; the bytes of all tokens together are read
 * as UTF-8 with ill-formed sequences replaced ({@link Utf8Lossy}), as Rust's {@code from_utf8_lossy} does.
 */
final class ByteLevelDecoder implements Decoder {
  private static final int[] BYTE_OF_CHAR = byteOfChar();

  private static int[] byteOfChar() {
    int[] toChar = ByteLevel.byteToChar();
    int[] byteOf = new int[Arrays.stream(toChar).max().orElseThrow() + 1];
    Arrays.fill(byteOf, -1);
    for (int b = 0; b < 256; b++) {
      byteOf[toChar[b]] = b;
    }
    return byteOf;
  }

  @Override
  public List<String> decodeChain(List<String> tokens) {
    int capacity = 0;
    for (String t : tokens) {
      capacity += 3 * t.length(); // a char is at most 3 UTF-8 bytes (a surrogate pair: 4 for 2 chars)
    }
    byte[] out = new byte[capacity];
    int n = 0;
    for (String t : tokens) {
      int start = n;
      boolean alphabet = true;
      for (int i = 0; i < t.length() && alphabet; i++) {
        char c = t.charAt(i);
        int b = c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
        alphabet = b >= 0;
        out[n++] = (byte) b;
      }
      if (!alphabet) {
        byte[] own = t.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(own, 0, out, start, own.length);
        n = start + own.length;
      }
    }
    return List.of(Utf8Lossy.decode(out, n));
  }
}
