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
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (String t : tokens) {
      out.writeBytes(bytesOf(t));
    }
    return List.of(Utf8Lossy.decode(out.toByteArray(), out.size()));
  }

  /** A token's bytes: its characters' bytes when all are in the byte alphabet, else its own UTF-8. */
  static byte[] bytesOf(String t) {
    byte[] out = new byte[t.length()];
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      int b = c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
      if (b < 0) {
        return t.getBytes(StandardCharsets.UTF_8);
      }
      out[i] = (byte) b;
    }
    return out;
  }

  /**
   * Whether the tokens of {@code pieces} (each id's bytes, null: skipped) decode to {@code text}, without
   * decoding: their bytes equal the text's UTF-8 exactly. Null when that does not settle it: the text holds a
   * lone surrogate (its UTF-8 has '?' there) or U+FFFD, which ill-formed bytes also decode to.
   */
  static Boolean decodesTo(byte[][] pieces, int[] ids, String text) {
    if (hasLoneSurrogate(text)) {
      return null;
    }
    byte[] want = text.getBytes(StandardCharsets.UTF_8);
    int at = 0;
    boolean same = true;
    for (int i = 0; i < ids.length && same; i++) {
      byte[] p = ids[i] >= 0 && ids[i] < pieces.length ? pieces[ids[i]] : null;
      if (p != null) {
        same = at + p.length <= want.length && Arrays.equals(p, 0, p.length, want, at, at + p.length);
        at += p.length;
      }
    }
    if (same && at == want.length) {
      return true;
    }
    return text.indexOf('\uFFFD') >= 0 ? null : false;
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
