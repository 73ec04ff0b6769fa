package org.tokenometry.jobs;

/** The command line's exit codes (README, "Exit codes"). */
public final class ExitCode {
  private ExitCode() {}

  public static final int OK = 0;
  /** The run failed: the message is on stderr, the status in {@code <output>/_manifest.json}. */
  public static final int FAILED = 1;
  /** Bad usage or configuration: the message names the file, line and fix. */
  public static final int USAGE = 2;
}
