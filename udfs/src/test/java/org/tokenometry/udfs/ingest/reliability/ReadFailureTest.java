package org.tokenometry.udfs.ingest.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.ingest.Collected;
import org.tokenometry.udfs.ingest.Format;
import org.tokenometry.udfs.ingest.Mode;
import org.tokenometry.udfs.tables.RejectRow;

/**
 * Issue 17, item 1: a read error must end only its file. Hadoop's local filesystem reports EIO as
 * {@code FSError}, an Error wrapping the IOException, which escaped every reader's catch and killed the run.
 */
class ReadFailureTest {
  /** Serves {@code data}, then throws what {@code failure} makes. */
  private static InputStream failingAfter(byte[] data, Supplier<Throwable> failure) {
    // as a filesystem stream: a read returns the bytes there are, the next read fails
    return new InputStream() {
      int pos;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (pos == data.length) {
          Throwable t = failure.get();
          if (t instanceof IOException io) {
            throw io;
          }
          throw (Error) t;
        }
        int n = Math.min(len, data.length - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  /** As Hadoop's {@code org.apache.hadoop.fs.FSError}: an Error whose cause is the IOException. */
  static final class FsErrorLike extends Error {
    FsErrorLike(IOException cause) {
      super(cause);
    }
  }

  @Test
  void anErrorWrappingAnIoExceptionEndsTheFileWithAnUnreadableRejectAndKeepsWhatWasRead() {
    for (Supplier<Throwable> failure : List.<Supplier<Throwable>>of(
        () -> new FsErrorLike(new IOException("Input/output error")),
        () -> new IOError(new IOException("Input/output error")),
        () -> new IOException("Input/output error"))) {
      for (Format format : List.of(Format.TXT, Format.JSONL, Format.CSV)) {
        String body = switch (format) {
          case JSONL -> "{\"text\":\"one\"}\n{\"text\":\"two\"}\n{\"text\":\"thr";
          case CSV -> "text\none\ntwo\nthr";
          default -> "one\ntwo\nthr";
        };
        Collected c = Collected.read(format == Format.TXT ? Collected.spec(Mode.LINE) : Collected.spec(Mode.RECORD),
            "file:/d/mem." + format.configName(), format, failingAfter(body.getBytes(UTF_8), failure));
        assertEquals(List.of("one", "two"), c.texts(), format + " " + failure.get());
        assertEquals(1, c.rejects.size());
        RejectRow r = c.rejects.get(0);
        assertEquals("unreadable_file", r.reason());
        assertEquals("IOException: Input/output error (reading stopped after record " + (format == Format.CSV ? 3 : 2)
            + "; the records before it were kept)", r.detail(), format.toString());
        assertEquals(format == Format.CSV ? 4 : 3, r.recordNo(), "the record the failure stopped at");
      }
    }
  }

  @Test
  void otherErrorsStillEndTheTask() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    Error bug = new AssertionError("a bug, not bad input");
    for (Error e : List.of(oom, bug)) {
      Error thrown = assertThrows(Error.class, () -> Collected.read(Collected.spec(Mode.LINE), "file:/d/x.txt",
          Format.TXT, failingAfter("one\n".getBytes(UTF_8), () -> e)));
      assertSame(e, thrown);
    }
  }

  @Test
  void aFailureBeforeTheFirstRecordIsRecordOne() {
    Collected c = Collected.read(Collected.spec(Mode.FILE), "file:/d/x.txt", Format.TXT,
        failingAfter(new byte[0], () -> new FsErrorLike(new IOException("Input/output error"))));
    assertEquals(List.of("unreadable_file#1"), c.rejectKeys());
    assertTrue(c.docs.isEmpty());
  }
}
