package org.tokenometry.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.tokenometry.jobs.Stage;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.jobs.config.IngestConfig;

/**
 * Corpora → {@code documents} (partitioned by corpus, lang) and {@code rejects}. Files are listed on the driver
 * and read one per task; documents, rejects and per-source counts come out of that single pass (persisted),
 * so the data is read once.
 */
public final class IngestStage implements Stage {
  /**
   * Parquet row groups of the documents table, in bytes before compression. A reader can split a file only at
   * row groups, and Parquet's default (128 MiB) made each (corpus, lang) file one group: a single-language
   * corpus of 66 MB was then tokenized by one task however many cores there were. At 2 MiB, every few MB of
   * text can go to its own task; the tokenize stage spends seconds of CPU per MB, so the extra footers cost
   * nothing that shows.
   */
  static final long DOCUMENTS_ROW_GROUP_BYTES = 2L << 20;

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void run(StageContext ctx) {
    List<CorpusConfig> corpora = ctx.config().corpora();
    if (corpora.isEmpty()) {
      throw new ConfigException("the ingest stage needs at least one entry under 'corpora'");
    }
    IngestConfig ic = ctx.config().ingest();
    Configuration hadoop = ctx.spark().sparkContext().hadoopConfiguration();
    IngestReading reading = IngestReading.plan(corpora, ic, hadoop);
    List<SourceFile> files = reading.files();
    long inputBytes = 0;
    for (SourceFile f : files) {
      inputBytes += f.size();
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("size", f.size());
      facts.put("corpus", corpora.get(f.corpusIndex()).name());
      facts.put("format", f.format() == null ? "unknown" : f.format().configName());
      facts.put("mode", corpora.get(f.corpusIndex()).mode());
      ctx.manifest().input(f.uri(), facts);
    }
    ctx.console().info("[ingest] %d files, %.1f MB", files.size(), inputBytes / 1e6);

    // a task reads whole files one after another: enough tasks to keep every core busy (and about
    // partition_bytes of input each), not one per file, so 800 small FLORES files do not pay 800 task overheads
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
    long bySize = (inputBytes + ic.partitionBytes() - 1) / ic.partitionBytes();
    int slices = (int) Math.max(1, Math.min(files.size(), Math.max(bySize, jsc.defaultParallelism() * 4L)));
    JavaRDD<Row> rows = jsc.parallelize(files, slices).flatMap(reading.task());
    Dataset<Row> all = ctx.spark().createDataFrame(rows, IngestRows.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      int partitions = (int) Math.max(1, Math.min(ic.shards(), (inputBytes + ic.partitionBytes() - 1)
          / ic.partitionBytes()));
      Dataset<Row> documents = all.filter(col("kind").equalTo(IngestRows.DOC))
          .select(cols(IngestRows.DOCUMENT_COLUMNS))
          .repartition(partitions, col("shard"));
      ctx.tables().write(documents, "documents", Map.of("parquet.block.size", String.valueOf(DOCUMENTS_ROW_GROUP_BYTES)),
          "corpus", "lang");
      Dataset<Row> rejects = all.filter(col("kind").equalTo(IngestRows.REJECT))
          .select(cols(IngestRows.REJECT_COLUMNS))
          .coalesce(partitions);
      ctx.tables().write(rejects, "rejects");
      record(ctx, all, files, corpora);
    } finally {
      all.unpersist();
    }
  }

  private static void record(StageContext ctx, Dataset<Row> all, List<SourceFile> files,
      List<CorpusConfig> corpora) {
    // one small aggregation (sources x reasons rows) gives both the per-source counts and rejects by reason
    List<Row> groups = all.groupBy("corpus", "source", "reason").agg(
        sum(when(col("kind").equalTo(IngestRows.DOC), lit(1L)).otherwise(lit(0L))).as("documents"),
        sum(when(col("kind").equalTo(IngestRows.REJECT), lit(1L)).otherwise(lit(0L))).as("rejects"),
        sum(col("records")).as("records"),
        sum(col("repaired_records")).as("repaired_records"),
        sum(col("repaired_chars")).as("repaired_chars")).collectAsList();
    Map<String, long[]> bySource = new LinkedHashMap<>();
    Map<String, Long> byReason = new TreeMap<>();
    for (Row g : groups) {
      long[] c = bySource.computeIfAbsent(g.getString(0) + " " + g.getString(1), k -> new long[5]);
      for (int i = 0; i < 5; i++) {
        c[i] += g.isNullAt(3 + i) ? 0 : g.getLong(3 + i);
      }
      if (!g.isNullAt(2)) {
        byReason.merge(g.getString(2), g.getLong(4), Long::sum);
      }
    }
    List<SourceCounts> counts = new ArrayList<>();
    Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
    List<String> unbalanced = new ArrayList<>();
    long docs = 0;
    long rejects = 0;
    for (SourceFile f : files) {
      String corpus = corpora.get(f.corpusIndex()).name();
      long[] r = bySource.get(corpus + " " + f.uri());
      SourceCounts c = r == null ? new SourceCounts(f.uri(), corpus, 0, 0, 0, 0, 0, f.size())
          : new SourceCounts(f.uri(), corpus, r[2], r[0], r[1], r[3], r[4], f.size());
      counts.add(c);
      sources.computeIfAbsent(corpus, k -> new LinkedHashMap<>()).put(f.uri(), c.asMap());
      docs += c.documents();
      rejects += c.rejects();
      if (r == null || !c.balanced()) {
        unbalanced.add(f.uri() + " (" + c + ")");
      }
    }
    Map<String, Object> stage = ctx.manifest().stage("ingest");
    stage.put("files", files.size());
    stage.put("documents", docs);
    stage.put("rejects", rejects);
    stage.put("rejects_by_reason", byReason);
    stage.put("sources", sources); // corpus -> source URI -> counts
    ctx.console().result(IngestReading.summary(counts, byReason));
    if (!unbalanced.isEmpty()) {
      // a reader lost or double-counted records: a bug, never acceptable silently
      throw new IllegalStateException("ingest: records != documents + rejects for " + unbalanced);
    }
  }

  private static org.apache.spark.sql.Column[] cols(String... names) {
    org.apache.spark.sql.Column[] cs = new org.apache.spark.sql.Column[names.length];
    for (int i = 0; i < names.length; i++) {
      cs[i] = col(names[i]);
    }
    return cs;
  }
}
