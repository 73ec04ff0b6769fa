package org.tokenometry.jobs;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession: spark-submit's master when there is one, else the CLI's (default local[*]). */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String masterOverride, Map<String, String> extra) {
    SparkConf conf = new SparkConf(true);
    if (masterOverride != null) {
      conf.setMaster(masterOverride);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setIfMissing("spark.app.name", "tokenometry");
    // our own progress lines replace Spark's console bar, so the two don't fight over the terminal
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.sql.shuffle.partitions", "16");
    conf.setIfMissing("spark.sql.adaptive.enabled", "true");
    conf.setIfMissing("spark.executorEnv.DJL_OFFLINE", "true");
    extra.forEach(conf::set);
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
