package org.tokenometry.jobs.config;

/** A problem in a config file, worded for the person who wrote it: file, line, column and the fix. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
