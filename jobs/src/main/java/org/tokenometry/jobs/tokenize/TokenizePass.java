package org.tokenometry.jobs.tokenize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.udfs.metrics.GroupKey;
import org.tokenometry.udfs.metrics.GroupStats;
import org.tokenometry.udfs.metrics.ParallelIdSums;
import org.tokenometry.udfs.tables.DocTokensRow;
import org.tokenometry.udfs.tables.DocumentRow;

/** The tokenize stage's Spark steps: the single pass over {@code documents}, and the premiums' sums. */
public final class TokenizePass {
  private TokenizePass() {}

  /**
   * The single pass: reads {@code documents}, writes {@code doc_tokens} as it goes, and returns the per-group
   * aggregates merged from every partition once the write has finished. Nothing is cached, so memory does not
   * grow with the corpus.
   */
  public static Map<GroupKey, GroupStats> run(TableStore tables, List<ShippedTokenizer> tokenizers) {
    Dataset<Row> documents = tables.read(DocumentRow.TABLE)
        .select("doc_id", "corpus", "domain", "lang", "parallel_id", "text");
    GroupStatsAccumulator groups = new GroupStatsAccumulator();
    // unnamed: a named accumulator's value is rendered as text for the UI after every task
    documents.sparkSession().sparkContext().register(groups);
    JavaRDD<Row> rows = split(documents).mapPartitions(new PartitionTokenizer(tokenizers, groups));
    tables.write(documents.sparkSession().createDataFrame(rows, RowCodec.of(DocTokensRow.class).schema()),
        DocTokensRow.TABLE);
    return groups.value();
  }

  static final int SPLITS_PER_CORE = 4;

  /**
   * The documents as the pass reads them. The pass spends seconds of CPU per MB, so Spark's default splits (one
   * per core at most, a file counted as 4 MiB to open) left cores idle at the end: FLORES in local[2] read as 7
   * partitions, and one core idled for the last 5 s. Unless set by the user, the scan is planned here with at
   * least {@value #SPLITS_PER_CORE} splits per core and 1 MiB per opened file (the settings are put back after
   * planning: they only fix this scan's splits).
   */
  static JavaRDD<Row> split(Dataset<Row> documents) {
    SparkSession spark = documents.sparkSession();
    Map<String, String> scoped = new HashMap<>();
    scoped.put("spark.sql.files.minPartitionNum",
        String.valueOf(SPLITS_PER_CORE * spark.sparkContext().defaultParallelism()));
    scoped.put("spark.sql.files.openCostInBytes", String.valueOf(1 << 20));
    scoped.keySet().removeIf(spark.conf()::contains);
    scoped.forEach(spark.conf()::set);
    try {
      return spread(documents).javaRDD();
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
  public static Premiums premiums(Map<GroupKey, GroupStats> groups, TableStore tables, String pivotLang) {
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
