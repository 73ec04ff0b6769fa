package org.tokenometry.jobs;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.tokenometry.jobs.io.OutputLock;
import org.tokenometry.jobs.io.RunManifest;

/**
 * While a run is going, a JVM shutdown (SIGINT, SIGTERM, {@code System.exit}) writes its manifest as
 * {@code interrupted} and releases the output's lock. It is registered with Hadoop's shutdown hook manager at a
 * priority above Spark's context shutdown and Hadoop's filesystem closing, so both are still usable when it runs.
 * (SIGKILL runs no hook: the next run finds the lock's process gone and records the run as interrupted.)
 */
final class InterruptHook implements AutoCloseable {
  /** Above Spark's hook (FileSystem.SHUTDOWN_HOOK_PRIORITY + 30) and the filesystems' (+ 0): runs first. */
  static final int PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 40;

  private final Runnable hook;

  private InterruptHook(Runnable hook) {
    this.hook = hook;
  }

  static InterruptHook install(RunManifest manifest, FileSystem fs, String output, OutputLock lock) {
    Runnable hook = () -> {
      String signal = Signals.received() != null ? Signals.received() : "shutdown";
      try {
        if (manifest.interrupt(signal, fs, output)) {
          System.err.println("interrupted (" + signal + "): " + output + "/" + RunManifest.FILE
              + " says \"interrupted\"; tables the run had not finished keep their previous version");
        }
      } catch (RuntimeException e) {
        System.err.println("warning: could not mark the run interrupted: " + e.getMessage());
      }
      try {
        lock.release();
      } catch (IOException | RuntimeException e) {
        System.err.println("warning: could not remove " + output + "/" + OutputLock.FILE + " (" + e.getMessage()
            + "); the next run on this host takes it over");
      }
    };
    ShutdownHookManager.get().addShutdownHook(hook, PRIORITY);
    return new InterruptHook(hook);
  }

  @Override
  public void close() {
    try {
      ShutdownHookManager.get().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs (or ran) anyway
    }
  }
}
