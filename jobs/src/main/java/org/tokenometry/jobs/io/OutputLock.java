package org.tokenometry.jobs.io;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code <output>/_lock}: one run at a time per output. The file is created only if absent (Hadoop's
 * {@code create(path, overwrite=false)}; on the local filesystem Java's CREATE_NEW, because Hadoop's local
 * create checks and creates in two steps) and names its owner ({@link LockOwner}). A second run is refused while
 * the owner lives; a lock whose owner died on this host (no such pid, or the pid is now another process) is
 * taken over with a warning. The owner of a lock from another host cannot be checked from here: {@code force}
 * ({@code --force-unlock}) takes it over, as does deleting the file.
 *
 * <p>Taking a lock over renames it to a name of this run's own first (atomic on HDFS and local filesystems, so
 * of two runs taking over one stale lock only one succeeds), checks that the moved file is the lock it judged,
 * and then creates its own. On object stores (S3A) create and rename are not atomic: the lock there guards
 * against mistakes, not against two runs started in the same second.
 */
public final class OutputLock {
  public static final String FILE = "_lock";
  private static final int ROUNDS = 5;

  private final FileSystem fs;
  private final Path path;
  private final LockOwner me;
  private boolean held = true;

  private OutputLock(FileSystem fs, Path path, LockOwner me) {
    this.fs = fs;
    this.path = path;
    this.me = me;
  }

  public LockOwner owner() {
    return me;
  }

  /**
   * Takes the lock of {@code output} for {@code runId}.
   *
   * @param force take over a lock whose owner cannot be checked (another host)
   * @param warn where a taken-over lock is reported (one line)
   * @throws OutputLockedException a live run, or one this host cannot check, holds it
   */
  public static OutputLock acquire(FileSystem fs, Path output, String runId, boolean force, Consumer<String> warn)
      throws IOException {
    Path path = new Path(output, FILE);
    LockOwner me = LockOwner.current(runId);
    fs.mkdirs(output);
    for (int round = 0; round < ROUNDS; round++) {
      if (create(fs, path, me.toJson())) {
        Optional<LockOwner> written = read(fs, path);
        if (written.isPresent() && written.get().runId().equals(runId)) {
          return new OutputLock(fs, path, me);
        }
        continue; // another run replaced it between our create and read: judge that one
      }
      Optional<LockOwner> owner = readSettled(fs, path);
      if (owner.isEmpty()) {
        if (!fs.exists(path)) {
          continue; // released meanwhile
        }
        if (!force) {
          throw new OutputLockedException("output " + output + " is locked (" + path + " cannot be read as a"
              + " lock file); if no run is using this output, rerun with --force-unlock (or delete " + path + ")");
        }
        if (takeOver(fs, path, null, runId)) {
          warn.accept("warning: --force-unlock: removed the unreadable lock " + path);
        }
        continue;
      }
      LockOwner.Judgement j = owner.get().judgeFrom(me);
      if (j.verdict() == LockOwner.Verdict.ALIVE) {
        throw new OutputLockedException("output " + output + " is locked by " + owner.get().describe() + ": "
            + j.why() + "; wait for it to finish (or stop it), then rerun");
      }
      if (j.verdict() == LockOwner.Verdict.CANNOT_TELL && !force) {
        throw new OutputLockedException("output " + output + " is locked by " + owner.get().describe() + "; "
            + j.why() + ", so this host cannot tell whether that run is alive: if it is not, rerun with "
            + "--force-unlock (or delete " + path + ")");
      }
      if (takeOver(fs, path, owner.get().runId(), runId)) {
        warn.accept(j.verdict() == LockOwner.Verdict.DEAD
            ? "warning: " + path + " was left by " + owner.get().describe() + ", which is no longer running ("
                + j.why() + "); taking it over"
            : "warning: --force-unlock: taking " + path + " over from " + owner.get().describe());
      }
    }
    throw new OutputLockedException("output " + output + ": other runs kept taking " + path + " while this one"
        + " tried " + ROUNDS + " times; rerun when they are done");
  }

  /** Deletes the lock if it is still this run's (a run that took it over with --force-unlock keeps it). */
  public synchronized void release() throws IOException {
    if (!held) {
      return;
    }
    held = false;
    Optional<LockOwner> now = read(fs, path);
    if (now.isPresent() && now.get().runId().equals(me.runId())) {
      fs.delete(path, false);
    }
  }

  /** Creates {@code path} holding {@code content} unless it exists; false when it does. */
  private static boolean create(FileSystem fs, Path path, byte[] content) throws IOException {
    if ("file".equals(fs.getScheme())) {
      java.nio.file.Path local = Paths.get(fs.makeQualified(path).toUri());
      try (OutputStream os = Files.newOutputStream(local, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        os.write(content);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream os = fs.create(path, false)) {
      os.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(path)) {
        return false; // some filesystems say "already exists" with a plain IOException
      }
      throw e;
    }
  }

  /** The lock's owner, or empty when the file is absent or not (yet) a whole lock file. */
  static Optional<LockOwner> read(FileSystem fs, Path path) throws IOException {
    try (InputStream in = RunManifest.raw(fs).open(path)) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return LockOwner.parse(buf.toByteArray());
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  /** As {@link #read}, waiting up to a second for a lock file that is being written right now. */
  private static Optional<LockOwner> readSettled(FileSystem fs, Path path) throws IOException {
    for (int i = 0; i < 10; i++) {
      Optional<LockOwner> o = read(fs, path);
      if (o.isPresent() || !fs.exists(path)) {
        return o;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading " + path, e);
      }
    }
    return Optional.empty();
  }

  /**
   * Moves the lock of {@code staleRunId} (null: whatever unreadable file is there) out of the way. False when
   * someone else moved or replaced it first; the caller then judges the lock afresh.
   */
  private static boolean takeOver(FileSystem fs, Path path, String staleRunId, String runId) throws IOException {
    Path moved = new Path(path.getParent(), FILE + ".stale-" + runId);
    if (!fs.rename(path, moved)) {
      return false;
    }
    Optional<LockOwner> was = read(fs, moved);
    boolean judged = staleRunId == null ? was.isEmpty() : was.isPresent() && was.get().runId().equals(staleRunId);
    if (!judged) {
      fs.rename(moved, path); // a fresh lock of a run that came between: give it back
      return false;
    }
    fs.delete(moved, false);
    return true;
  }
}
