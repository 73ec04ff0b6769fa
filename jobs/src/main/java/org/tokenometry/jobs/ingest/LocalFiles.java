package org.tokenometry.jobs.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tokenometry.udfs.ingest.RejectReason;

/**
 * What only the local filesystem ({@code file:}) has, checked with java.nio beside Hadoop's listing: links (a
 * file's device and inode, so a file reached by several paths, symbolic or hard links, is read once; broken and
 * looping links, which Hadoop's listing drops without a word) and special files (FIFOs, sockets, devices), which must never be opened: a
 * FIFO blocks its reader forever, {@code /dev/zero} never ends.
 */
final class LocalFiles {
  /**
   * A local entry's identity (device and inode: hard links and every path through links to one file share it)
   * and real path, or why it cannot be read as a file ({@code problem} then non-null).
   */
  record Inspection(String key, String realPath, RejectReason problem, String detail) {}

  private LocalFiles() {}

  static boolean isLocal(FileSystem fs) {
    return "file".equals(fs.getScheme());
  }

  static java.nio.file.Path nio(Path p) {
    return Paths.get(p.toUri());
  }

  /** Names in a folder, as the OS lists them (Hadoop's listing leaves out entries it cannot stat). */
  static List<String> names(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<java.nio.file.Path> ds = Files.newDirectoryStream(nio(dir))) {
      ds.forEach(p -> out.add(p.getFileName().toString()));
    }
    return out;
  }

  static Inspection inspect(Path p) {
    java.nio.file.Path f = nio(p);
    java.nio.file.Path real;
    try {
      real = f.toRealPath();
    } catch (NoSuchFileException e) {
      return new Inspection(null, null, RejectReason.UNREADABLE_FILE, Files.isSymbolicLink(f)
          ? "a broken symbolic link (to " + target(f) + ", which does not exist)" : "the file vanished: " + e);
    } catch (FileSystemException e) {
      String why = e.getReason() == null ? e.toString() : e.getReason();
      return new Inspection(null, null, RejectReason.UNREADABLE_FILE, Files.isSymbolicLink(f)
          ? "a symbolic link that cannot be resolved (to " + target(f) + "): " + why : why);
    } catch (IOException e) {
      return new Inspection(null, null, RejectReason.UNREADABLE_FILE, e.toString());
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(real, BasicFileAttributes.class);
    } catch (IOException e) {
      return new Inspection(null, real.toString(), RejectReason.UNREADABLE_FILE, e.toString());
    }
    String key = a.fileKey() != null ? a.fileKey().toString() : real.toString();
    if (a.isRegularFile() || a.isDirectory()) {
      return new Inspection(key, real.toString(), null, null);
    }
    return new Inspection(key, real.toString(), RejectReason.NOT_A_FILE, kind(real)
        + (real.equals(f) ? "" : " (" + f + " links to " + real + ")") + ": not read, it is not a regular file");
  }

  /** "a FIFO (named pipe)", "a socket", ... from the file type bits of the Unix mode. */
  private static String kind(java.nio.file.Path p) {
    try {
      int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0140000 -> "a socket";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  private static String target(java.nio.file.Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
    }
  }
}
