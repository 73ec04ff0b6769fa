package org.tokenometry.jobs;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.io.OutputLockedException;
import org.tokenometry.udfs.qa.LlmGenerationFailure;
import org.tokenometry.udfs.tokenizers.TokenizerException;

/**
 * How the CLI reports a failed command. Bad usage or configuration (exit 2) and failures with a known cause and
 * fix (exit 1: an unreachable endpoint, a missing file) print as one "error:" line without a stack trace, even
 * when Spark wrapped them; anything else prints its stack trace, since it is a bug to report.
 * {@code TOKENOMETRY_DEBUG=1} always adds the trace.
 */
final class ErrorReport {
  private ErrorReport() {}

  /** Prints {@code e} and returns the exit code. */
  static int print(Throwable e, PrintWriter err, boolean debug) {
    String usage = usageProblem(e);
    if (usage != null) {
      err.println("error: " + firstLine(usage));
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

  /**
   * The message of a problem the user fixes by changing the command, the config or a file it names: a config
   * error, a tokenizer that cannot be resolved or read, a folder the run may not write, a master Spark has no
   * support for. Null for anything else.
   */
  static String usageProblem(Throwable e) {
    ConfigException config = find(e, ConfigException.class);
    if (config != null) {
      return config.getMessage();
    }
    OutputLockedException locked = find(e, OutputLockedException.class);
    if (locked != null) {
      return locked.getMessage();
    }
    TokenizerException tokenizer = find(e, TokenizerException.class);
    if (tokenizer != null) {
      return tokenizer.getMessage();
    }
    AccessDeniedException denied = find(e, AccessDeniedException.class);
    if (denied != null) {
      return "permission denied: " + denied.getMessage() + " (choose another output, or fix its permissions)";
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String msg = String.valueOf(t.getMessage());
      if (t.getClass().getName().equals("org.apache.hadoop.security.AccessControlException")) {
        return "permission denied: " + firstLine(msg) + " (choose another output, or fix its permissions)";
      }
      if (msg.startsWith("Could not load YARN classes") || msg.contains("Could not parse Master URL")) {
        return firstLine(msg) + " (the Spark in use lacks support for this master: submit with "
            + "scripts/submit and SPARK_HOME pointing at a Spark install built with YARN/Kubernetes support)";
      }
    }
    return null;
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
