package org.tokenometry.jobs.config;

import java.util.Collection;

/** The value checks config sections share; each names the key, the bad value and what is allowed. */
final class Checks {
  private Checks() {}

  /** {@code value} must be one of {@code allowed}; {@code key} is relative to the section, {@code label} full. */
  static String oneOf(String key, String label, String value, Collection<String> allowed) {
    if (!allowed.contains(value)) {
      throw ConfigException.at(key, label + ": '" + value + "' is not one of " + allowed
          + DidYouMean.hint(value, allowed));
    }
    return value;
  }

  static void atLeast(String key, String label, Number value, long min) {
    if (value != null && value.doubleValue() < min) {
      throw ConfigException.at(key, label + " must be " + (min == 1 ? "positive" : "at least " + min) + ", got "
          + value);
    }
  }

  static void positive(String key, String label, Double value) {
    if (value != null && !(value > 0)) {
      throw ConfigException.at(key, label + " must be greater than 0, got " + value);
    }
  }
}
