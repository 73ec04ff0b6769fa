package org.tokenometry.jobs;

/** The command line's exit codes (README, "Exit codes"). */
public final class ExitCode {
  private ExitCode() {}

  public static final int OK = 0;
  /** The run failed: the message is on stderr, the status in {@code <output>/_manifest.json}. */
  public static final int FAILED = 1;
  /** Bad usage or configuration, or an output another live run holds: the message names the fix. */
  public static final int USAGE = 2;
  /** Interrupted by SIGINT (Ctrl-C), 128 + 2 as shells report it; the manifest says {@code interrupted}. */
  public static final int INTERRUPTED = 130;
  /** Terminated by SIGTERM (a scheduler, {@code kill}), 128 + 15; the manifest says {@code interrupted}. */
  public static final int TERMINATED = 143;
}
