package org.tokenometry.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.ingest.IngestStage;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.jobs.qa.QaStage;
import org.tokenometry.jobs.report.ReportStage;
import org.tokenometry.jobs.retrieval.RetrievalStage;
import org.tokenometry.jobs.tokenize.TokenizeStage;

/** Runs the stages a config lists, in order, recording each in the run manifest. */
public final class Pipeline {
  /** Every stage by name, in pipeline order. */
  static final Map<String, Supplier<Stage>> STAGES = new LinkedHashMap<>();

  static {
    STAGES.put("ingest", IngestStage::new);
    STAGES.put("tokenize", TokenizeStage::new);
    STAGES.put("qa", QaStage::new);
    STAGES.put("retrieval", RetrievalStage::new);
    STAGES.put("report", ReportStage::new);
  }

  private Pipeline() {}

  /**
   * {@link #STAGES} plus stages from jars on the classpath that list them in
   * {@code META-INF/services/org.tokenometry.jobs.Stage} (e.g. added with {@code scripts/submit --jars}; the
   * cluster integration tests add their probe stages this way).
   */
  static Map<String, Supplier<Stage>> known() {
    Map<String, Supplier<Stage>> all = new LinkedHashMap<>(STAGES);
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    for (ServiceLoader.Provider<Stage> p : ServiceLoader.load(Stage.class, cl).stream().toList()) {
      all.putIfAbsent(p.get().name(), p::get);
    }
    return all;
  }

  public static void validate(PipelineConfig config) {
    Map<String, Supplier<Stage>> known = known();
    for (String s : config.stages()) {
      if (!known.containsKey(s)) {
        throw new ConfigException("unknown stage '" + s + "' in 'stages'; known stages: " + known.keySet());
      }
    }
  }

  /** Runs the configured stages; returns the manifest (status complete) or throws after marking it failed. */
  public static RunManifest run(SparkSession spark, PipelineConfig config, Console console) throws Exception {
    validate(config);
    String runId = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
        "yyyyMMdd-HHmmss")) + "-" + UUID.randomUUID().toString().substring(0, 8);
    TableStore tables = new TableStore(spark, config.output(), runId);
    RunManifest manifest = new RunManifest(runId, config, Versions.all(spark));
    FileSystem fs = tables.fs(new Path(config.output()));
    manifest.readPrevious(fs, config.output()); // before it is replaced: ingest keeps other corpora's sources
    manifest.write(fs, config.output());
    StageContext ctx = new StageContext(spark, config, tables, manifest, console);
    Map<String, Supplier<Stage>> known = known();
    try {
      for (String name : config.stages()) {
        Stage stage = known.get(name).get();
        long t0 = System.nanoTime();
        console.info("[%s] starting", name);
        // progress lines (console.ProgressListener) are labelled with the job group
        spark.sparkContext().setJobGroup(name, "tokenometry stage " + name, false);
        stage.run(ctx);
        double secs = (System.nanoTime() - t0) / 1e9;
        manifest.stage(name).put("seconds", Math.round(secs * 1000) / 1000.0);
        manifest.stage(name).put("status", "complete");
        manifest.write(fs, config.output());
        console.info("[%s] done in %.1f s", name, secs);
      }
      manifest.status("complete");
      manifest.write(fs, config.output());
      return manifest;
    } catch (Exception | Error e) {
      manifest.status("failed");
      manifest.put("error", String.valueOf(e.getMessage()));
      manifest.write(fs, config.output());
      throw e;
    }
  }
}
