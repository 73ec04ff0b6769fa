package org.tokenometry.jobs.cluster;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tokenometry.jobs.ExecutorEnvironment;
import org.tokenometry.jobs.Stage;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.HfTokenizer;

/**
 * A test-only stage that does on executors what the real tokenize stage does: reads the config's corpora (one
 * document per line, any Hadoop filesystem), loads the config's tokenizers from the files scripts/submit shipped
 * (DJL native library, DJL_OFFLINE) once per JVM, and writes tables through {@code TableStore}. The cluster tests
 * use it so they prove the cluster machinery whether or not the real stages have landed yet.
 *
 * <p>Knobs (Spark conf, so {@code --conf} on the submit line or the config's {@code spark:} map):
 * {@code spark.tokenometry.probe.partitions} (default 8), {@code .sleepMs} per task (to let a test kill an executor
 * mid-stage), {@code .markerDir} (a local folder where each task attempt drops {@code <pid>-p<partition>-a<attempt>
 * .start/.done} files), {@code .failPartition} (that partition's task throws: a run failing midway).
 */
public final class ClusterProbeStage implements Stage {
  static final String PREFIX = "spark.tokenometry.probe.";

  static final StructType TOKENS = new StructType()
      .add("corpus", DataTypes.StringType, false)
      .add("file", DataTypes.StringType, false)
      .add("line_sha", DataTypes.StringType, false)
      .add("tokenizer", DataTypes.StringType, false)
      .add("n_chars", DataTypes.IntegerType, false)
      .add("n_tokens", DataTypes.IntegerType, false)
      .add("id_sum", DataTypes.LongType, false)
      .add("chars_per_token", DataTypes.DoubleType, true)
      // where this row was computed: compared by tests, never across runs
      .add("tokenizer_file", DataTypes.StringType, false)
      .add("djl_offline", DataTypes.StringType, true)
      .add("djl_cache_dir", DataTypes.StringType, true)
      .add("glibc", DataTypes.StringType, true)
      .add("pid", DataTypes.LongType, false);

  @Override
  public String name() {
    return "cluster_probe";
  }

  @Override
  public void run(StageContext ctx) {
    var conf = ctx.spark().conf();
    int partitions = Integer.parseInt(conf.get(PREFIX + "partitions", "8"));
    Knobs knobs = new Knobs(List.copyOf(ctx.config().tokenizers()),
        Long.parseLong(conf.get(PREFIX + "sleepMs", "0")), conf.get(PREFIX + "markerDir", ""),
        Integer.parseInt(conf.get(PREFIX + "failPartition", "-1")));
    Dataset<Row> all = null;
    for (CorpusConfig corpus : ctx.config().corpora()) {
      Dataset<Row> lines = ctx.spark().read().text(corpus.paths().toArray(String[]::new))
          .select(org.apache.spark.sql.functions.lit(corpus.name()).as("corpus"),
              input_file_name().as("source"), col("value"));
      all = all == null ? lines : all.unionByName(lines);
    }
    if (all == null) {
      throw new IllegalArgumentException("cluster_probe: the config lists no corpora");
    }
    Dataset<Row> tokens = all.filter(col("value").notEqual(""))
        .repartition(partitions, col("value"))
        .mapPartitions(new TokenizeLines(knobs), Encoders.row(TOKENS));
    tokens.cache();
    ctx.tables().write(tokens, "probe_tokens", "tokenizer");
    Dataset<Row> summary = ctx.tables().read("probe_tokens").groupBy("corpus", "tokenizer")
        .agg(count("*").as("docs"), sum("n_tokens").as("tokens"), sum("n_chars").as("chars"),
            sum("id_sum").as("id_sum"), avg("chars_per_token").as("mean_chars_per_token"));
    ctx.tables().write(summary, "probe_summary");
    ctx.manifest().stage(name()).put("rows", tokens.count());
    tokens.unpersist();
  }

  record Knobs(List<String> tokenizers, long sleepMs, String markerDir, int failPartition)
      implements java.io.Serializable {}

  /** One executor task: tokenizes its lines with every tokenizer. */
  static final class TokenizeLines implements MapPartitionsFunction<Row, Row> {
    private static final Map<String, HfTokenizer> LOADED = new ConcurrentHashMap<>(); // one per JVM
    private final Knobs knobs;

    TokenizeLines(Knobs knobs) {
      this.knobs = knobs;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) throws Exception {
      TaskContext task = TaskContext.get();
      long pid = ProcessHandle.current().pid();
      String marker = pid + "-p" + task.partitionId() + "-a" + task.attemptNumber();
      mark(marker + ".start");
      if (knobs.sleepMs() > 0) {
        Thread.sleep(knobs.sleepMs());
      }
      if (task.partitionId() == knobs.failPartition()) {
        throw new IllegalStateException("cluster_probe: injected failure in partition " + task.partitionId());
      }
      Map<String, String> env = ExecutorEnvironment.facts();
      List<Row> out = new ArrayList<>();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      while (input.hasNext()) {
        Row r = input.next();
        String text = r.getString(2);
        String file = r.getString(1).substring(r.getString(1).lastIndexOf('/') + 1);
        String lineSha = HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        for (String name : knobs.tokenizers()) {
          Path path = ExecutorEnvironment.tokenizerFile(name);
          HfTokenizer t = LOADED.computeIfAbsent(name, n -> HfTokenizer.load(n, path));
          Encoding e = t.encode(text);
          long idSum = 0;
          for (int id : e.ids()) {
            idSum += id;
          }
          int n = e.ids().length;
          out.add(RowFactory.create(r.getString(0), file, lineSha, name, text.length(), n, idSum,
              n == 0 ? null : (double) text.length() / n, path.toString(), env.get("DJL_OFFLINE"),
              env.get("DJL_CACHE_DIR"), env.get("glibc"), pid));
        }
      }
      mark(marker + ".done");
      return out.iterator();
    }

    private void mark(String file) {
      if (knobs.markerDir().isEmpty()) {
        return;
      }
      try {
        Files.writeString(Path.of(knobs.markerDir(), file), "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
