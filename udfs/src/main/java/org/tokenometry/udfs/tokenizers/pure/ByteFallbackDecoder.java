package org.tokenometry.udfs.tokenizers.pure;

import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.text.Utf8Lossy;

/**
 * The ByteFallback decoder: a run of {@code <0xNN>} tokens becomes the text its bytes spell when they are valid
 * UTF-8, else one U+FFFD per byte (not per ill-formed sequence); other tokens pass unchanged.
 */
final class ByteFallbackDecoder implements Decoder {
  @Override
  public List<String> decodeChain(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    byte[] run = new byte[16];
    int n = 0;
    for (String t : tokens) {
      int b = byteValue(t);
      if (b >= 0) {
        if (n == run.length) {
          run = java.util.Arrays.copyOf(run, n * 2);
        }
        run[n++] = (byte) b;
        continue;
      }
      flush(run, n, out);
      n = 0;
      out.add(t);
    }
    flush(run, n, out);
    return out;
  }

  private static void flush(byte[] run, int n, List<String> out) {
    if (n == 0) {
      return;
    }
    String text = Utf8Lossy.decodeStrict(run, n);
    if (text != null) {
      out.add(text);
      return;
    }
    for (int i = 0; i < n; i++) {
      out.add("\uFFFD");
    }
  }

  /**
   * The byte of a {@code <0xNN>} token, or -1. As the reference engine reads it: six UTF-8 bytes, and the two
   * characters between "<0x" and ">" parsed as a base-16 number that fits a byte (Rust's from_str_radix, which
   * also takes a leading '+').
   */
  static int byteValue(String t) {
    if (t.length() != 6 || !t.startsWith("<0x") || t.charAt(5) != '>') {
      return -1; // six chars with any non-ASCII one are more than six UTF-8 bytes
    }
    char hi = t.charAt(3);
    char lo = t.charAt(4);
    if (hi == '+') {
      return hex(lo);
    }
    int h = hex(hi);
    int l = hex(lo);
    return h < 0 || l < 0 ? -1 : h * 16 + l;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
