package org.tokenometry.udfs.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a byte stream, split at {@code \n} without decoding, so one bad line cannot spoil its
 * neighbours, and without holding more than {@code maxStored} bytes of any line (a longer line is reported
 * with its full length). A {@code \r} before the {@code \n} is removed and reported. A final line without
 * {@code \n} counts; the empty "line" after a final {@code \n} does not. Pull-based: {@code while (next())}.
 */
public final class ByteLines {
  private final InputStream in;
  private final int cap;
  private final byte[] chunk = new byte[64 * 1024];
  private int pos;
  private int end;
  private boolean eof;
  private byte[] line = new byte[256];
  private int len;
  private long full;
  private boolean cr;
  private long number;

  public ByteLines(InputStream in, long maxStored) {
    this.in = in;
    this.cap = (int) Math.min(maxStored, Integer.MAX_VALUE - 16);
  }

  /** Moves to the next line; false at the end of the stream. */
  public boolean next() throws IOException {
    len = 0;
    full = 0;
    while (true) {
      if (pos == end) {
        if (eof || !fill()) {
          eof = true;
          if (full == 0) {
            return false;
          }
          return finish();
        }
      }
      byte b = chunk[pos++];
      if (b == '\n') {
        return finish();
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

  private boolean fill() throws IOException {
    int n = in.read(chunk);
    while (n == 0) {
      n = in.read(chunk);
    }
    pos = 0;
    end = Math.max(n, 0);
    return n > 0;
  }

  private boolean finish() {
    number++;
    cr = len == full && len > 0 && line[len - 1] == '\r';
    if (cr) {
      len--;
      full--;
    }
    return true;
  }

  /** 1-based number of the current line. */
  public long number() {
    return number;
  }

  /** The stored bytes of the current line (valid up to {@link #length()}; the array is reused). */
  public byte[] bytes() {
    return line;
  }

  /** Stored bytes, at most maxStored. */
  public int length() {
    return len;
  }

  /** The line's real length in bytes, without its line end. */
  public long fullLength() {
    return full;
  }

  /** A {@code \r} before the {@code \n} was removed (a CRLF line end). */
  public boolean hadCr() {
    return cr;
  }

  public boolean truncated() {
    return full > len;
  }

  /**
   * Nothing but spaces, tabs and carriage returns (or nothing at all): layout between records in every
   * line-based format, never a record.
   */
  public boolean isBlank() {
    if (truncated()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
