package org.tokenometry.udfs.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 decoding that refuses malformed input instead of inventing U+FFFD, and says where it failed. */
public final class StrictUtf8 {
  /** Either {@code text} or the byte offset of the first malformed sequence. */
  public record Result(String text, long badOffset) {
    public boolean ok() {
      return text != null;
    }
  }

  private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() ->
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT));

  private StrictUtf8() {}

  public static Result decode(byte[] bytes, int off, int len) {
    CharsetDecoder d = DECODER.get().reset();
    ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
    CharBuffer out = CharBuffer.allocate(len);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      return new Result(null, in.position() - off);
    }
    r = d.flush(out);
    if (r.isError()) {
      return new Result(null, in.position() - off);
    }
    out.flip();
    return new Result(out.toString(), -1);
  }

  /** For display only (raw_prefix): malformed bytes become U+FFFD. */
  public static String lenient(byte[] bytes, int off, int len) {
    return new String(bytes, off, len, StandardCharsets.UTF_8);
  }
}
