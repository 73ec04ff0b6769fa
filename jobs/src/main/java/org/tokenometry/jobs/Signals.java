package org.tokenometry.jobs;

/**
 * Ctrl-C (SIGINT) and SIGTERM for the command line: remembers which one came and exits with
 * {@link ExitCode#INTERRUPTED} / {@link ExitCode#TERMINATED}, so the shutdown hooks run (the run's
 * {@link InterruptHook} marks the manifest and frees the output). A second signal while they run halts at once.
 * Only the CLI's {@code main} installs this; embedding code keeps its own handlers.
 */
final class Signals {
  private static volatile String received;

  private Signals() {}

  static void install() {
    handle("INT", ExitCode.INTERRUPTED);
    handle("TERM", ExitCode.TERMINATED);
  }

  /** "SIGINT" or "SIGTERM" once one came, else null. */
  static String received() {
    return received;
  }

  private static void handle(String name, int exitCode) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
        if (received != null) {
          Runtime.getRuntime().halt(exitCode); // asked twice: stop waiting for the hooks
        }
        received = "SIG" + name;
        System.exit(exitCode);
      });
    } catch (IllegalArgumentException e) {
      // the JVM does not let us handle it (e.g. started with -Xrs): its default, 128 + signal, stays
    }
  }
}
