package org.tokenometry.jobs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.ingest.IngestStage;
import org.tokenometry.jobs.io.OutputLock;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.jobs.io.StagingCleanup;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.jobs.qa.QaStage;
import org.tokenometry.jobs.report.ReportStage;
import org.tokenometry.jobs.retrieval.RetrievalStage;
import org.tokenometry.jobs.tokenize.TokenizeStage;

/**
 * Runs the stages a config lists, in order, recording each in the run manifest, with the output locked for the
 * whole run (README, "Runs: the output lock and the manifest").
 */
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
    return run(spark, config, console, false);
  }

  /**
   * As {@link #run(SparkSession, PipelineConfig, Console)}. The run holds {@code <output>/_lock} from start to end
   * ({@code forceUnlock}: take over a lock this host cannot check); it starts from the previous manifest and
   * removes what dead runs left in {@code _staging}.
   *
   * @throws org.tokenometry.jobs.io.OutputLockedException another live run holds the output
   */
  public static RunManifest run(SparkSession spark, PipelineConfig config, Console console, boolean forceUnlock)
      throws Exception {
    validate(config);
    String runId = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
        "yyyyMMdd-HHmmss")) + "-" + UUID.randomUUID().toString().substring(0, 8);
    TableStore tables = new TableStore(spark, config.output(), runId);
    String output = tables.output();
    Path out = new Path(output);
    FileSystem fs = tables.fs(out);
    OutputLock lock = OutputLock.acquire(fs, out, runId, forceUnlock, Pipeline::warn);
    RunManifest manifest = null;
    InterruptHook hook = null;
    String current = null;
    try {
      manifest = new RunManifest(runId, config, Versions.all(spark));
      inheritPrevious(manifest, fs, output);
      hook = InterruptHook.install(manifest, fs, output, lock);
      for (String line : StagingCleanup.clean(fs, out, runId)) {
        warn("warning: " + line);
      }
      manifest.write(fs, output);
      StageContext ctx = new StageContext(spark, config, tables, manifest, console);
      Map<String, Supplier<Stage>> known = known();
      for (String name : config.stages()) {
        Stage stage = known.get(name).get();
        current = name;
        long t0 = System.nanoTime();
        manifest.beginStage(name);
        manifest.write(fs, output);
        console.info("[%s] starting", name);
        // progress lines (console.ProgressListener) are labelled with the job group
        spark.sparkContext().setJobGroup(name, "tokenometry stage " + name, false);
        stage.run(ctx);
        double secs = (System.nanoTime() - t0) / 1e9;
        manifest.completeStage(name, secs);
        current = null;
        manifest.write(fs, output);
        console.stageDone(name, secs);
      }
      manifest.status(RunManifest.COMPLETE);
      manifest.write(fs, output);
      return manifest;
    } catch (Exception | Error e) {
      if (manifest != null) {
        String error = String.valueOf(e.getMessage());
        if (current != null) {
          manifest.failStage(current, error.lines().findFirst().orElse(error));
        }
        manifest.status(RunManifest.FAILED);
        manifest.put("error", error);
        try {
          manifest.write(fs, output);
        } catch (RuntimeException w) {
          e.addSuppressed(w);
        }
      }
      throw e;
    } finally {
      if (hook != null) {
        hook.close();
      }
      finish(fs, out, runId, lock);
    }
  }

  /** Starts from the manifest an earlier run left; a run it says is still running died (we hold the lock). */
  private static void inheritPrevious(RunManifest manifest, FileSystem fs, String output) {
    Optional<Map<String, Object>> previous;
    try {
      previous = RunManifest.read(fs, output);
    } catch (IOException e) {
      warn("warning: " + e.getMessage() + "; this run writes a new one");
      return;
    }
    previous.ifPresent(p -> {
      Map<String, Object> brief = manifest.inherit(p);
      if (RunManifest.INTERRUPTED.equals(brief.get("status")) && RunManifest.RUNNING.equals(p.get("status"))) {
        warn("warning: run " + brief.get("run_id") + " (started " + brief.get("started") + ") stopped without"
            + " finishing (killed?); its manifest said \"running\", recorded now as interrupted");
      }
    });
  }

  /** This run's staging folder and lock go on every exit; a failure here never changes the run's outcome. */
  private static void finish(FileSystem fs, Path out, String runId, OutputLock lock) {
    try {
      StagingCleanup.removeRun(fs, out, runId);
    } catch (IOException | RuntimeException e) {
      warn("warning: could not remove this run's staging folder under " + out + " (" + e.getMessage()
          + "); the next run removes it");
    }
    try {
      lock.release();
    } catch (IOException | RuntimeException e) {
      warn("warning: could not remove " + out + "/" + OutputLock.FILE + " (" + e.getMessage()
          + "); the next run on this host takes it over");
    }
  }

  /** Warnings go to stderr whatever -q says: they are about the output's state. */
  static void warn(String line) {
    System.err.println(line);
  }
}
