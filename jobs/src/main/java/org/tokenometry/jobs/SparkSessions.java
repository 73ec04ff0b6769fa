package org.tokenometry.jobs;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.io.NioLocalFileSystem;

/** Builds the SparkSession: spark-submit's master when there is one, else the CLI's (default local[*]). */
public final class SparkSessions {
  /** Masters the CLI runs itself; a cluster needs spark-submit (the shaded jar and the tokenizer files shipped). */
  private static final Pattern LOCAL_MASTER =
      Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,\\s*[0-9]+)?])?|local-cluster\\[[0-9]+,\\s*[0-9]+,\\s*[0-9]+]");
  private static final Pattern CLUSTER_MASTER = Pattern.compile("(spark://|k8s://|yarn$).*");
  private static final AtomicInteger CREATED = new AtomicInteger();

  private SparkSessions() {}

  /**
   * A {@code --master} value the CLI can use, checked before Spark starts: a local master, or a usage error
   * naming the value and the fix (Spark's own error for a bad master is a 30-line trace after a second of
   * start-up).
   */
  public static void checkMaster(String master) {
    if (master == null || LOCAL_MASTER.matcher(master.strip()).matches()) {
      return;
    }
    if (CLUSTER_MASTER.matcher(master.strip()).matches()) {
      throw new ConfigException("--master " + master + " is a cluster: submit with scripts/submit --master "
          + master + " CONFIG (it ships the job jar and the tokenizer files); the CLI's --master takes local, "
          + "local[N] or local[*]");
    }
    throw new ConfigException("--master " + master + " is not a Spark master this CLI can use; use local, "
        + "local[N] or local[*] (N threads), or scripts/submit --master spark://HOST:7077|yarn|k8s://URL for a "
        + "cluster");
  }

  /** How many sessions this JVM created through here: commands that need no Spark must leave it unchanged. */
  public static int created() {
    return CREATED.get();
  }

  public static SparkSession create(String masterOverride, Map<String, String> extra) {
    CREATED.incrementAndGet();
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
    // file: paths without a chmod process per folder and file written (NioLocalFileSystem)
    conf.setIfMissing("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
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
