package org.tokenometry.udfs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream at {@code \n} without decoding it, so one bad line cannot spoil its neighbours, and
 * without holding more than {@code maxStored} bytes of any line (a longer line is reported with its full
 * length, for the too_long reject). A final line without {@code \n} counts; the empty "line" after a final
 * {@code \n} does not.
 */
final class LineSplitter {
  interface Handler {
    /**
     * @param len bytes stored in {@code buf} (at most maxStored)
     * @param fullLength the line's real length, without the line end
     * @param hadCr a {@code \r} before the {@code \n} was removed (a CRLF line end)
     */
    void line(byte[] buf, int len, long fullLength, boolean hadCr) throws IOException;
  }

  private LineSplitter() {}

  static void split(InputStream in, long maxStored, Handler h) throws IOException {
    int cap = (int) Math.min(maxStored, Integer.MAX_VALUE - 16);
    byte[] chunk = new byte[64 * 1024];
    byte[] line = new byte[256];
    int len = 0;
    long full = 0;
    int n;
    while ((n = in.read(chunk)) > 0) {
      for (int i = 0; i < n; i++) {
        byte b = chunk[i];
        if (b == '\n') {
          emit(line, len, full, h);
          len = 0;
          full = 0;
          continue;
        }
        full++;
        if (len < cap) {
          if (len == line.length) {
            line = Arrays.copyOf(line, (int) Math.min((long) line.length * 2, cap));
          }
          line[len++] = b;
        }
      }
    }
    if (full > 0) {
      emit(line, len, full, h);
    }
  }

  private static void emit(byte[] line, int len, long full, Handler h) throws IOException {
    boolean cr = len == full && len > 0 && line[len - 1] == '\r';
    h.line(line, cr ? len - 1 : len, cr ? full - 1 : full, cr);
  }
}
