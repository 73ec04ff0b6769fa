package org.tokenometry.jobs;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.NoSuchFileException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.io.OutputLockedException;
import org.tokenometry.udfs.qa.LlmGenerationFailure;

/**
 * How the CLI reports a failed command. Errors with a known cause and fix (a config problem, an unreachable
 * endpoint, a missing file) print as one "error:" line without a stack trace, even when Spark wrapped them;
 * anything else prints its stack trace, since it is a bug to report. {@code TOKENOMETRY_DEBUG=1} always adds the
 * trace.
 */
final class ErrorReport {
  private ErrorReport() {}

  /** Prints {@code e} and returns the exit code. */
  static int print(Throwable e, PrintWriter err, boolean debug) {
    ConfigException config = find(e, ConfigException.class);
    RuntimeException locked = find(e, OutputLockedException.class);
    if (config != null || locked != null) {
      err.println("error: " + (config != null ? config : locked).getMessage());
      trace(e, err, debug);
      return ExitCode.USAGE;
    }
    Throwable known = known(e);
    if (known != null) {
      err.println("error: " + describe(known));
      if (known != e && e.getMessage() != null && !e.getMessage().equals(known.getMessage())) {
        err.println("  while: " + firstLine(e.getMessage()));
      }
      trace(e, err, debug);
      return ExitCode.FAILED;
    }
    err.println("error: " + e);
    e.printStackTrace(err);
    return ExitCode.FAILED;
  }

  /** The first exception in the cause chain whose type has a known fix, or null. */
  static Throwable known(Throwable e) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = e; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpTimeoutException || t instanceof UnknownHostException
          || t instanceof NoSuchFileException || t instanceof FileNotFoundException
          || t instanceof LlmGenerationFailure) {
        return t;
      }
    }
    return null;
  }

  static String describe(Throwable t) {
    String msg = t.getMessage() == null ? "" : t.getMessage();
    if (t instanceof HttpTimeoutException) {
      return "HTTP request timed out: " + msg + " (check that the endpoint is up, or raise the timeout)";
    }
    if (t instanceof ConnectException) {
      return "cannot connect: " + msg + " (check the URL and that the server is running)";
    }
    if (t instanceof UnknownHostException) {
      return "unknown host: " + msg + " (check the URL)";
    }
    if (t instanceof NoSuchFileException) {
      return "file not found: " + msg;
    }
    return msg.isEmpty() ? t.toString() : msg;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = e; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static void trace(Throwable e, PrintWriter err, boolean debug) {
    if (debug) {
      e.printStackTrace(err);
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
