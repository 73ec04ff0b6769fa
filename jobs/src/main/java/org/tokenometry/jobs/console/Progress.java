package org.tokenometry.jobs.console;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A throttled progress line for long work: a count in a named unit, its rate, MB/s and, when a total is known,
 * percent and ETA. Prints to stderr at most once per interval and nothing for work that finishes within the
 * first interval, so short stages stay quiet.
 *
 * <p>Percent and ETA never go backwards. The total may grow while the work runs (a Spark stage submits its jobs
 * one after another), which would pull the estimate down; a line then shows the count only, until the estimate
 * is back above what was last shown. An ETA is shown only when it is not longer than the last one shown.
 */
public final class Progress {
  public static final long DEFAULT_INTERVAL_MS = 3000;

  private final String label;
  private final String unit;
  private final PrintStream out;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long startNanos;
  private long lastPrint;
  private long total;
  private long done;
  private long bytes;
  private boolean printed;
  private int shownPercent = -1;
  private double shownEtaSeconds = Double.POSITIVE_INFINITY;

  public Progress(String label, String unit, long total, PrintStream out, long intervalMillis, LongSupplier clock) {
    this.label = label;
    this.unit = unit;
    this.total = total;
    this.out = out;
    this.intervalNanos = intervalMillis * 1_000_000L;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.lastPrint = startNanos;
  }

  /** A progress line on stderr, every 3 s at most; {@code total} &lt; 0 when unknown. */
  public static Progress start(String label, String unit, long total) {
    return new Progress(label, unit, total, System.err, DEFAULT_INTERVAL_MS, System::nanoTime);
  }

  public synchronized void advance(long units) {
    advance(units, 0);
  }

  public synchronized void advance(long units, long inputBytes) {
    done += units;
    bytes += inputBytes;
    maybePrint();
  }

  /**
   * Sets the absolute position (for callers that count elsewhere, like the Spark listener); {@code newTotal}
   * &lt; 0 when unknown.
   */
  public synchronized void set(long units, long inputBytes, long newTotal) {
    done = units;
    bytes = inputBytes;
    total = newTotal;
    maybePrint();
  }

  /** Prints the closing line if any progress line was printed (so a long stage ends with its totals). */
  public synchronized void finish() {
    if (printed) {
      out.println(line(clock.getAsLong(), true));
      out.flush();
    }
  }

  public synchronized boolean printedAny() {
    return printed;
  }

  private void maybePrint() {
    long now = clock.getAsLong();
    if (now - lastPrint >= intervalNanos) {
      lastPrint = now;
      printed = true;
      out.println(line(now, false));
      out.flush();
    }
  }

  /** e.g. {@code [tokenize] 12,345/40,000 docs  1,234 docs/s  3.1 MB/s  30%  ETA 0:22}. */
  synchronized String line(long now, boolean finished) {
    double secs = Math.max(1e-9, (now - startNanos) / 1e9);
    StringBuilder b = new StringBuilder();
    b.append('[').append(label).append("] ");
    b.append(String.format(Locale.ROOT, "%,d", done));
    if (total > 0 && !finished) {
      b.append(String.format(Locale.ROOT, "/%,d", total));
    }
    b.append(' ').append(unit);
    b.append(String.format(Locale.ROOT, "  %,.0f %s/s", done / secs, unit));
    if (bytes > 0) {
      b.append(String.format(Locale.ROOT, "  %.1f MB/s", bytes / 1e6 / secs));
    }
    if (finished) {
      b.append(String.format(Locale.ROOT, "  in %s", clockTime(secs)));
    } else if (total > 0 && done > 0) {
      appendEstimate(b, Math.min(1, (double) done / total), secs);
    }
    return b.toString();
  }

  /** Percent and ETA from the fraction done, each only when it does not go back on what was shown before. */
  private void appendEstimate(StringBuilder b, double fraction, double secs) {
    int percent = (int) Math.floor(fraction * 100);
    if (percent < shownPercent) {
      return;
    }
    shownPercent = percent;
    b.append(String.format(Locale.ROOT, "  %d%%", percent));
    double eta = Math.round(secs * (1 - fraction) / fraction);
    if (eta <= shownEtaSeconds) {
      shownEtaSeconds = eta;
      b.append("  ETA ").append(clockTime(eta));
    }
  }

  /** 0:07, 3:25, 1:02:03. */
  static String clockTime(double secs) {
    long s = Math.round(secs);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
