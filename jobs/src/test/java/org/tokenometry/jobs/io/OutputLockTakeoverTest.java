package org.tokenometry.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock's decisions, one owner at a time: whom it refuses, whom it takes over, what it says. */
class OutputLockTakeoverTest {
  @TempDir java.nio.file.Path dir;
  private FileSystem fs;
  private Path out;
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    fs = FileSystem.getLocal(new Configuration());
    out = new Path(dir.resolve("out").toUri());
  }

  private void lockedBy(LockOwner owner) throws Exception {
    Files.createDirectories(dir.resolve("out"));
    Files.write(dir.resolve("out/_lock"), owner.toJson());
  }

  private static LockOwner like(LockOwner o, String runId, String host, long pid, String processStart,
      String bootId) {
    return new LockOwner(runId, o.user(), host, pid, processStart, bootId, o.pidNamespace(), o.started());
  }

  private OutputLock acquire(String runId, boolean force) throws Exception {
    return OutputLock.acquire(fs, out, runId, force, warnings::add);
  }

  /** A pid that was alive a moment ago and is not now. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void theLockNamesItsOwnerAndIsGoneAfterRelease() throws Exception {
    OutputLock lock = acquire("run-a", false);
    LockOwner written = OutputLock.read(fs, new Path(out, OutputLock.FILE)).orElseThrow();
    assertEquals("run-a", written.runId());
    assertEquals(ProcessHandle.current().pid(), written.pid());
    assertEquals(ProcessHandle.current().info().startInstant().orElseThrow().toString(), written.processStart());
    lock.release();
    assertFalse(Files.exists(dir.resolve("out/_lock")));
  }

  @Test
  void aLiveOwnerIsRefusedByName() throws Exception {
    OutputLock first = acquire("run-a", false);
    OutputLockedException e = assertThrows(OutputLockedException.class, () -> acquire("run-b", true));
    assertTrue(e.getMessage().contains("locked by run run-a of "), e.getMessage());
    assertTrue(e.getMessage().contains("(pid " + ProcessHandle.current().pid() + ", started "), e.getMessage());
    assertTrue(e.getMessage().contains("still running"), e.getMessage());
    first.release();
  }

  @Test
  void aDeadPidOnThisHostIsTakenOverWithAWarning() throws Exception {
    long pid = deadPid();
    LockOwner me = LockOwner.current("x");
    lockedBy(like(me, "run-dead", me.host(), pid, Instant.now().toString(), me.bootId()));
    OutputLock lock = acquire("run-b", false);
    assertEquals("run-b", OutputLock.read(fs, new Path(out, OutputLock.FILE)).orElseThrow().runId());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("run run-dead") && warnings.get(0).contains("no process " + pid),
        warnings.get(0));
    lock.release();
  }

  @Test
  void aLivePidThatIsAnotherProcessNowIsTakenOver() throws Exception {
    // this JVM's pid, but the lock's process started an hour before this JVM did: the pid was reused
    LockOwner me = LockOwner.current("x");
    String earlier = Instant.parse(me.processStart()).minus(Duration.ofHours(1)).toString();
    lockedBy(like(me, "run-old", me.host(), me.pid(), earlier, me.bootId()));
    acquire("run-b", false).release();
    assertTrue(warnings.get(0).contains("is another program"), warnings.get(0));
  }

  @Test
  void anotherHostsLockNeedsForceUnlock() throws Exception {
    LockOwner me = LockOwner.current("x");
    lockedBy(like(me, "run-far", "build-7", 4242, me.processStart(), "another-boot"));
    OutputLockedException e = assertThrows(OutputLockedException.class, () -> acquire("run-b", false));
    assertTrue(e.getMessage().contains("run run-far of " + me.user() + "@build-7 (pid 4242"), e.getMessage());
    assertTrue(e.getMessage().contains("--force-unlock"), e.getMessage());
    assertTrue(Files.exists(dir.resolve("out/_lock")), "refused: the lock stays");
    acquire("run-b", true).release();
    assertTrue(warnings.get(0).startsWith("warning: --force-unlock: taking "), warnings.get(0));
  }

  @Test
  void theSameHostNameUnderAnotherBootCannotBeChecked() throws Exception {
    // after a reboot (or in another container with the host's name) a pid means another process
    LockOwner me = LockOwner.current("x");
    if (me.bootId() == null) {
      return; // not Linux: hosts are told apart by name only
    }
    lockedBy(like(me, "run-before-reboot", me.host(), me.pid(), me.processStart(), "another-boot"));
    OutputLockedException e = assertThrows(OutputLockedException.class, () -> acquire("run-b", false));
    assertTrue(e.getMessage().contains("another boot"), e.getMessage());
  }

  @Test
  void anUnreadableLockIsRefusedUnlessForced() throws Exception {
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/_lock"), "not a lock");
    OutputLockedException e = assertThrows(OutputLockedException.class, () -> acquire("run-b", false));
    assertTrue(e.getMessage().contains("cannot be read as a lock file"), e.getMessage());
    acquire("run-b", true).release();
    assertFalse(Files.exists(dir.resolve("out/_lock")));
  }

  @Test
  void releaseLeavesALockThatIsNoLongerOurs() throws Exception {
    OutputLock mine = acquire("run-a", false);
    LockOwner me = LockOwner.current("x");
    Files.write(dir.resolve("out/_lock"), like(me, "run-forced", "other", 1, null, null).toJson());
    mine.release();
    assertEquals("run-forced", OutputLock.read(fs, new Path(out, OutputLock.FILE)).orElseThrow().runId());
  }

  @Test
  void ofRunsStartingTogetherExactlyOneGetsTheLock() throws Exception {
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> tries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String run = "run-" + i;
      Callable<Boolean> t = () -> {
        go.await();
        try {
          acquire(run, false);
          return true;
        } catch (OutputLockedException e) {
          return false;
        }
      };
      tries.add(pool.submit(t));
    }
    go.countDown();
    int won = 0;
    for (Future<Boolean> f : tries) {
      won += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, won);
    assertEquals(List.of(), warnings, "nobody took over a live lock");
  }
}
