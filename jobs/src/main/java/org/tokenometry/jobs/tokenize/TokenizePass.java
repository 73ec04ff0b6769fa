package org.tokenometry.jobs.tokenize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.udfs.metrics.GroupKey;
import org.tokenometry.udfs.metrics.ParallelIdSums;
import org.tokenometry.udfs.metrics.ParallelTotals;
import org.tokenometry.udfs.tables.DocTokensRow;
import org.tokenometry.udfs.tables.DocumentRow;

/**
 * The tokenize stage's Spark steps: the single pass over {@code documents}, the merge of its groups, and the
 * premiums' sums.
 */
public final class TokenizePass {
  private TokenizePass() {}

  /**
   * The single pass: reads {@code documents}, writes {@code doc_tokens} as it goes, and leaves each partition's
   * partial groups in a side file; then a second, small job merges them by language on the executors
   * ({@link GroupMerge}). Returns the merged languages' summaries and the census's id counts. Nothing is cached,
   * so memory does not grow with the corpus, and the driver receives only summaries and at most one id count per
   * vocabulary entry per tokenizer x corpus, so it does not grow with languages.
   */
  static GroupMerge.Merged run(TableStore tables, List<ShippedTokenizer> tokenizers,
      TokenizeConfig cfg, Map<String, Set<String>> lexicons) {
    // with its schema: a run whose every record was rejected has a documents folder without data files
    Dataset<Row> all = tables.read(DocumentRow.TABLE, RowCodec.of(DocumentRow.class).schema());
    Dataset<Row> documents = all.select("doc_id", "corpus", "domain", "lang", "parallel_id", "text");
    SparkSession spark = documents.sparkSession();
    HealthSettings health = HealthSettings.of(cfg, cfg.robustness().enabled() ? groupDocs(all) : Map.of());
    HadoopConf hadoop = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    String dir = tables.output() + "/_staging/tokenize-groups-" + UUID.randomUUID();
    try {
      JavaRDD<InternalRow> rows = split(documents).toJavaRDD()
          .mapPartitions(new PartitionTokenizer(tokenizers, dir, hadoop, cfg, health));
      tables.write(((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows.rdd(),
          DocTokensRows.SCHEMA, false), DocTokensRow.TABLE, DocTokensRows.WRITE_OPTIONS);
      return GroupMerge.run(spark, dir, hadoop, tokenizers, cfg, lexicons);
    } finally {
      try {
        Path p = new Path(dir);
        FileSystem fs = p.getFileSystem(hadoop.get());
        fs.delete(p, true);
        if (fs.exists(p.getParent()) && fs.listStatus(p.getParent()).length == 0) {
          fs.delete(p.getParent(), false);
        }
      } catch (IOException e) {
        // a leftover folder of side files under _staging is harmless; the next run uses a new one
      }
    }
  }

  /**
   * Documents per (corpus, lang), for the robustness sample ({@link HealthSettings#key}): both are partition
   * columns of documents, so Spark counts the rows without reading any text.
   */
  static Map<String, Long> groupDocs(Dataset<Row> documents) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : documents.groupBy("corpus", "lang").count().collectAsList()) {
      out.put(HealthSettings.key(r.getString(0), r.getString(1)), r.getLong(2));
    }
    return out;
  }

  static final int SPLITS_PER_CORE = 4;

  /**
   * The documents as the pass reads them. The pass spends seconds of CPU per MB, so Spark's default splits (one
   * per core at most, a file counted as 4 MiB to open) left cores idle at the end: FLORES in local[2] read as 7
   * partitions, and one core idled for the last 5 s. Unless set by the user, the scan is planned here with at
   * least {@value #SPLITS_PER_CORE} splits per core and 1 MiB per opened file (the settings are put back after
   * planning: they only fix this scan's splits).
   */
  static RDD<InternalRow> split(Dataset<Row> documents) {
    SparkSession spark = documents.sparkSession();
    Map<String, String> scoped = new HashMap<>();
    scoped.put("spark.sql.files.minPartitionNum",
        String.valueOf(SPLITS_PER_CORE * spark.sparkContext().defaultParallelism()));
    scoped.put("spark.sql.files.openCostInBytes", String.valueOf(1 << 20));
    scoped.keySet().removeIf(spark.conf()::contains);
    scoped.forEach(spark.conf()::set);
    try {
      // internal rows: the pass reads what it needs of each row as UTF-8, without converting every column
      return ((org.apache.spark.sql.classic.Dataset<Row>) spread(documents)).queryExecution().toRdd();
    } finally {
      scoped.keySet().forEach(spark.conf()::unset);
    }
  }

  /**
   * A small documents table is often a single Parquet file, hence a single partition: tokenizing it would use
   * one core however many the cluster has (scripts/bench measured local[2] / local[1] = 1.0). Fewer partitions
   * than the default parallelism are spread over that many first; the shuffle moves only the text once.
   */
  static Dataset<Row> spread(Dataset<Row> documents) {
    int cores = documents.sparkSession().sparkContext().defaultParallelism();
    return documents.rdd().getNumPartitions() < cores ? documents.repartition(cores) : documents;
  }

  /** Premium sums per group, and the corpora whose sums needed the join over {@code doc_tokens}. */
  public record Premiums(Map<GroupKey, long[]> sums, Set<String> joinedCorpora) {}

  /**
   * Premium sums from the pass's groups where they settle it ({@link ParallelIdSums}: every language of the
   * corpus has exactly the pivot's parallel ids), by {@link #premiumSums} over {@code doc_tokens} for the rest.
   */
  public static Premiums premiums(Map<GroupKey, ParallelTotals> groups, TableStore tables, String pivotLang) {
    ParallelIdSums.Split split = ParallelIdSums.fromGroups(groups, pivotLang);
    Map<GroupKey, long[]> sums = new HashMap<>(split.sums());
    if (!split.needJoin().isEmpty()) {
      sums.putAll(premiumSums(tables.read(DocTokensRow.TABLE).filter(col("corpus").isin(split.needJoin().toArray())), pivotLang));
    }
    return new Premiums(sums, split.needJoin());
  }

  /**
   * Per (tokenizer, corpus, domain, lang): Σ tokens of the language and Σ tokens of the pivot language over the
   * parallel ids both have (a parallel id may span several documents per language: they are summed first).
   */
  public static Map<GroupKey, long[]> premiumSums(Dataset<Row> docTokens, String pivotLang) {
    Dataset<Row> parallel = docTokens.filter(col("parallel_id").isNotNull());
    Dataset<Row> pivot = parallel.filter(col("lang").equalTo(pivotLang))
        .groupBy("tokenizer", "corpus", "parallel_id")
        .agg(sum("tokens").as("pivot_tokens"), sum("bytes").as("pivot_bytes"));
    Dataset<Row> langs = parallel.groupBy("tokenizer", "corpus", "domain", "lang", "parallel_id")
        .agg(sum("tokens").as("lang_tokens"), sum("bytes").as("lang_bytes"));
    List<Row> rows = langs.join(pivot, scala.jdk.javaapi.CollectionConverters.asScala(
            List.of("tokenizer", "corpus", "parallel_id")).toSeq())
        .groupBy("tokenizer", "corpus", "domain", "lang")
        .agg(sum("lang_tokens").as("l"), sum("pivot_tokens").as("p"), sum("lang_bytes").as("lb"),
            sum("pivot_bytes").as("pb"))
        .collectAsList();
    Map<GroupKey, long[]> out = new HashMap<>();
    for (Row r : rows) {
      long[] sums = new long[4];
      sums[ParallelIdSums.LANG_TOKENS] = r.getLong(4);
      sums[ParallelIdSums.PIVOT_TOKENS] = r.getLong(5);
      sums[ParallelIdSums.LANG_BYTES] = r.getLong(6);
      sums[ParallelIdSums.PIVOT_BYTES] = r.getLong(7);
      out.put(new GroupKey(r.getString(0), r.getString(1), r.getString(2), r.getString(3)), sums);
    }
    return out;
  }

}
