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
    if (conf.get("spark.master").startsWith("local")) {
      // tables are partitioned by (corpus, lang): FLORES alone is 204 folders, above Spark's default of 32 for
      // listing through a distributed job. In local mode that job only adds a few seconds of task overhead
      // (cold: 5 s of a 70 s tokenize stage), where the driver lists a thousand local folders in well under
      // one; on a cluster, where object stores list slowly, the default stays.
      conf.setIfMissing("spark.sql.sources.parallelPartitionDiscovery.threshold", "1024");
    }
    extra.forEach(conf::set);
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
