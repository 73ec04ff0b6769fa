package org.tokenometry.jobs.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local filesystem ({@code file:}), with permissions set in-process. Without Hadoop's native library,
 * which Spark's client jars do not ship, {@link RawLocalFileSystem#setPermission} starts a {@code chmod}
 * process for every folder and file a write creates: 659 of them for ingesting FLORES (BENCHMARKS.md). Java's
 * POSIX attribute view does the same {@code chmod(2)} without the process. Everything else is Hadoop's own
 * (reads, checksums, renames, the {@code FSError} on a read error). Sticky or non-POSIX cases go to Hadoop.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
  public NioLocalFileSystem() {
    super(new Raw());
  }

  /** The raw filesystem under the checksums. */
  public static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(
            permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL
                + permission.getOtherAction().SYMBOL));
      } catch (UnsupportedOperationException e) {
        super.setPermission(p, permission);
      }
    }
  }
}
