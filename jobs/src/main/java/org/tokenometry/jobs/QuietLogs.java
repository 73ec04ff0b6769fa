package org.tokenometry.jobs;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/** {@code -q}: results and errors only, so every logger (Spark, Hadoop, Parquet, ours) drops to ERROR. */
final class QuietLogs {
  private QuietLogs() {}

  static void errorsOnly() {
    try {
      Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.ERROR);
    } catch (LinkageError e) {
      // another logging backend (a cluster's own): its configuration decides
    }
  }
}
