package org.tokenometry.jobs.io;

/** Another run holds the output (exit 2); the message names it and says what to do. */
public final class OutputLockedException extends RuntimeException {
  public OutputLockedException(String message) {
    super(message);
  }
}
