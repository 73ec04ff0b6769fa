package org.tokenometry.udfs.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that refuses malformed input instead of inventing U+FFFD, and says where it failed. Encoded
 * UTF-16 surrogates (CESU-8 / WTF-8, {@code ED A0..BF xx}) are malformed UTF-8 too: a lone surrogate never
 * reaches a document through bytes.
 */
public final class StrictUtf8 {
  /** Either {@code text} or the byte offset of the first malformed sequence. */
  public record Result(String text, long badOffset, String problem) {
    public boolean ok() {
      return text != null;
    }
  }

  private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() ->
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT));

  private StrictUtf8() {}

  public static Result decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  public static Result decode(byte[] bytes, int off, int len) {
    CharsetDecoder d = DECODER.get().reset();
    ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
    CharBuffer out = CharBuffer.allocate(len);
    CoderResult r = d.decode(in, out, true);
    if (!r.isError()) {
      r = d.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      return new Result(null, at - off, describe(bytes, at, off + len));
    }
    out.flip();
    return new Result(out.toString(), -1, null);
  }

  /** "malformed UTF-8 at byte N" plus what the bytes are, for a reject's detail. */
  private static String describe(byte[] b, int at, int end) {
    StringBuilder hex = new StringBuilder();
    for (int i = at; i < Math.min(end, at + 4); i++) {
      hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02X", b[i] & 0xff));
    }
    boolean surrogate = at + 2 < end && (b[at] & 0xff) == 0xED && (b[at + 1] & 0xE0) == 0xA0;
    return "bytes " + hex + (surrogate ? " are an encoded UTF-16 surrogate (CESU-8/WTF-8), not UTF-8" : "");
  }

  /** For display only (raw_prefix): malformed bytes become U+FFFD. */
  public static String lenient(byte[] bytes, int off, int len) {
    return new String(bytes, off, len, StandardCharsets.UTF_8);
  }
}
