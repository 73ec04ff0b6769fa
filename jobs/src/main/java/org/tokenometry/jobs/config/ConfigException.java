package org.tokenometry.jobs.config;

/**
 * A problem in a config file, worded for the person who wrote it: file, line, column and the fix. A section's
 * check names the offending {@link #key()} (a JSON pointer relative to the section, e.g. {@code mode} or
 * {@code sizes/1}); {@link ConfigLoader} turns it into the key's {@code file:line:column}.
 */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String message) {
    this(null, message, null);
  }

  public ConfigException(String message, Throwable cause) {
    this(null, message, cause);
  }

  private ConfigException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** A problem with the value of {@code key} (relative JSON pointer without the leading slash). */
  public static ConfigException at(String key, String message) {
    return new ConfigException(key, message, null);
  }

  /** The offending key relative to the section that found the problem, or null. */
  public String key() {
    return key;
  }
}
