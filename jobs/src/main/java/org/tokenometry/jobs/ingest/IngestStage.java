package org.tokenometry.jobs.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.udfs.ingest.CorpusSpec;
import org.tokenometry.udfs.ingest.IngestRecord;
import org.tokenometry.udfs.tables.DocumentRow;
import org.tokenometry.udfs.tables.RejectRow;

/**
 * Corpora → {@code documents} (partitioned by corpus, lang) and {@code rejects} (partitioned by corpus). Files
 * are listed on the driver and read by tasks; each task emits {@link IngestRecord} rows (a document, a reject
 * or a source's counts), so one pass (persisted) gives both tables and the counts. A run owns its corpora:
 * their old partitions in both tables are replaced, other corpora's are kept.
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

  /** Skipped paths (second paths to a file, link loops) named on the console; all are in the manifest. */
  private static final int SHOWN_SKIPPED = 10;

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
    List<CorpusSpec> specs = corpora.stream().map(c -> IngestSpecs.of(c, ic)).toList();
    SourceLister.Listing listing = SourceLister.list(corpora, hadoop);
    List<SourceFile> files = listing.files();
    long inputBytes = recordInputs(ctx, files, corpora);
    ctx.console().info("[ingest] %d files, %.1f MB", files.size(), inputBytes / 1e6);
    List<Map<String, String>> notHidden = listing.skipped().stream()
        .filter(s -> !SourceLister.HIDDEN.equals(s.get("why"))).toList();
    notHidden.stream().limit(SHOWN_SKIPPED).forEach(s ->
        ctx.console().info("[ingest] skipped %s: %s", s.get("path"), s.get("why")));
    if (notHidden.size() > SHOWN_SKIPPED) {
      ctx.console().info("[ingest] skipped %d more (stages.ingest.skipped in _manifest.json)",
          notHidden.size() - SHOWN_SKIPPED);
    }

    // a task reads whole files one after another: enough tasks to keep every core busy (and about
    // partition_bytes of input each), not one per file, so 800 small FLORES files do not pay 800 task overheads
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
    long bySize = (inputBytes + ic.partitionBytes() - 1) / ic.partitionBytes();
    int slices = (int) Math.max(1, Math.min(files.size(), Math.max(bySize, jsc.defaultParallelism() * 4L)));
    JavaRDD<Row> rows = jsc.parallelize(files, slices).flatMap(new FileIngestTask(specs, new HadoopConf(hadoop)));
    Dataset<Row> all = ctx.spark().createDataFrame(rows, RowCodec.of(IngestRecord.class).schema())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Set<String> owned = new LinkedHashSet<>(specs.stream().map(CorpusSpec::corpus).toList());
      int partitions = (int) Math.max(1, Math.min(ic.shards(), bySize));
      Dataset<Row> documents = all.where(col("document").isNotNull()).select("document.*")
          .repartition(partitions, col("shard"));
      ctx.tables().write(documents, DocumentRow.TABLE,
          Map.of("parquet.block.size", String.valueOf(DOCUMENTS_ROW_GROUP_BYTES)), owned, "corpus", "lang");
      Dataset<Row> rejects = all.where(col("reject").isNotNull()).select("reject.*").coalesce(partitions);
      ctx.tables().write(rejects, RejectRow.TABLE, Map.of(), owned, "corpus");
      IngestCounts.record(ctx, all, files, corpora, listing.skipped());
    } finally {
      all.unpersist();
    }
  }

  /** Each file in the manifest's inputs; returns the total size. */
  private static long recordInputs(StageContext ctx, List<SourceFile> files, List<CorpusConfig> corpora) {
    long bytes = 0;
    for (SourceFile f : files) {
      bytes += f.size();
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("size", f.size());
      facts.put("corpus", corpora.get(f.corpusIndex()).name());
      facts.put("format", f.format() == null ? "unknown" : f.format().configName());
      facts.put("mode", corpora.get(f.corpusIndex()).mode());
      ctx.manifest().input(f.uri(), facts);
    }
    return bytes;
  }
}
