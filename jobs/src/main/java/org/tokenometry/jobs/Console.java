package org.tokenometry.jobs;

import java.io.PrintStream;

/**
 * Human-facing output of a run (progress and summaries go to stderr/stdout; logs go to log4j). A stage's
 * closing line waits for its progress line to settle ({@link #settleProgressWith}), so lines come in order.
 */
public final class Console {
  private final PrintStream out;
  private final boolean quiet;
  private volatile Runnable settleProgress = () -> { };

  public Console(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  public boolean quiet() {
    return quiet;
  }

  /** What closes the running stage's progress (drain Spark's listener events, print its last line). */
  public void settleProgressWith(Runnable settle) {
    this.settleProgress = settle;
  }

  public void info(String fmt, Object... args) {
    if (!quiet) {
      out.println(String.format(fmt, args));
      out.flush();
    }
  }

  /** The stage's closing line, after its progress line: never interleaved with the next stage's. */
  public void stageDone(String stage, double seconds) {
    settleProgress.run();
    info("[%s] done in %.1f s", stage, seconds);
  }

  /** Always printed: results the user asked for. */
  public void result(String text) {
    out.println(text);
    out.flush();
  }
}
