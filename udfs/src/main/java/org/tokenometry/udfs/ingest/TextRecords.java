package org.tokenometry.udfs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.tokenometry.udfs.io.ByteLines;
import org.tokenometry.udfs.io.StrictUtf8;
import org.tokenometry.udfs.tables.RejectRow;

/**
 * Plain text in the {@code line}, {@code file} and {@code joined} modes (any file is read as UTF-8 text).
 *
 * <p>Records: in line mode each line that is not blank, numbered by its line number (blank lines are layout,
 * counted, and keep the numbering of parallel files aligned); in file and joined mode the whole file, record 1.
 */
public final class TextRecords {
  private TextRecords() {}

  public static void read(InputStream in, SourceIngestor ing) throws IOException {
    switch (ing.spec().mode()) {
      case LINE -> lines(in, ing);
      case FILE -> wholeFile(in, ing);
      case JOINED -> joined(in, ing);
      default -> throw new IllegalArgumentException(ing.spec().mode() + " mode is not read by TextRecords");
    }
  }

  static void lines(InputStream in, SourceIngestor ing) throws IOException {
    ByteLines lines = new ByteLines(in, ing.spec().maxDocBytes() + 1);
    while (lines.next()) {
      if (lines.isBlank()) {
        ing.blankLines(1);
      } else {
        ing.utf8(lines.number(), lines.bytes(), lines.length(), lines.fullLength(), lines.hadCr() ? 1 : 0);
      }
    }
  }

  static void wholeFile(InputStream in, SourceIngestor ing) throws IOException {
    Bounded b = readBounded(in, ing.spec().maxDocBytes());
    ing.utf8(1, b.buf, b.len, b.total, 0);
  }

  /** All lines joined with the corpus separator; CRLF line ends are repaired and counted. */
  static void joined(InputStream in, SourceIngestor ing) throws IOException {
    Bounded b = readBounded(in, ing.spec().maxDocBytes());
    String prefix = StrictUtf8.lenient(b.buf, 0, Math.min(b.len, RejectRow.PREFIX_CHARS * 4));
    if (b.total > ing.spec().maxDocBytes()) {
      ing.tooLong(1, b.total, prefix);
      return;
    }
    StrictUtf8.Result r = StrictUtf8.decode(b.buf, 0, b.len);
    if (!r.ok()) {
      ing.reject(1, RejectReason.INVALID_UTF8, "malformed UTF-8 at byte " + r.badOffset() + " of the file: "
          + r.problem(), prefix);
      return;
    }
    String[] lines = r.text().split("\n", -1);
    int n = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    int crs = 0;
    StringBuilder out = new StringBuilder(r.text().length());
    for (int i = 0; i < n; i++) {
      String line = lines[i];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
        crs++;
      }
      if (i > 0) {
        out.append(ing.spec().separator());
      }
      out.append(line);
    }
    ing.record(1, out.toString(), null, null, crs);
  }

  private record Bounded(byte[] buf, int len, long total) {}

  /** Reads up to max+1 bytes and counts the rest without keeping it. */
  private static Bounded readBounded(InputStream in, long max) throws IOException {
    int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 16);
    byte[] buf = new byte[(int) Math.min(cap, 1 << 16)];
    int len = 0;
    long total = 0;
    byte[] chunk = new byte[1 << 16];
    int n;
    while ((n = in.read(chunk)) >= 0) {
      int keep = Math.min(n, cap - len);
      if (keep > 0) {
        if (len + keep > buf.length) {
          buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max((long) buf.length * 2, len + keep)));
        }
        System.arraycopy(chunk, 0, buf, len, keep);
        len += keep;
      }
      total += n;
    }
    return new Bounded(buf, len, total);
  }
}
