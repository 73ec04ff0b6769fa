package org.tokenometry.jobs;

import java.io.PrintStream;

/** Human-facing output of a run (progress and summaries go to stderr/stdout; logs go to log4j). */
public final class Console {
  private final PrintStream out;
  private final boolean quiet;

  public Console(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  public void info(String fmt, Object... args) {
    if (!quiet) {
      out.println(String.format(fmt, args));
      out.flush();
    }
  }

  /** Always printed: results the user asked for. */
  public void result(String text) {
    out.println(text);
    out.flush();
  }
}
