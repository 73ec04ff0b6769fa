package org.tokenometry.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.row_number;

import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.udfs.tables.VocabTokensRow;

/**
 * The example pieces the vocabulary census shows: per tokenizer and class, the {@value #PER_CLASS} longest pieces
 * (most bytes; the lowest id first among equals). Long pieces are the telling ones: a never-emitted run of
 * dashes or mojibake is what "glitch tokens" look like. {@code vocab_tokens} holds a row per id (up to ~260k per
 * tokenizer), so Spark picks the examples and only they reach the driver.
 */
final class VocabExamples {
  static final int PER_CLASS = 5;
  /** The examples' order; {@link #read} ranks in Spark by the same columns. */
  static final Comparator<VocabTokensRow> ORDER = Comparator.comparingInt(VocabTokensRow::nBytes).reversed()
      .thenComparingInt(VocabTokensRow::id);

  private VocabExamples() {}

  /**
   * Every row of {@code vocab_tokens} that is among the first {@value #PER_CLASS} of its tokenizer and one of its
   * classes, each once.
   */
  static List<VocabTokensRow> read(Dataset<Row> vocabTokens) {
    Dataset<Row> ranked = vocabTokens.withColumn("example_of", explode(col("flags")))
        .withColumn("example_rank", row_number().over(Window.partitionBy("tokenizer", "example_of")
            .orderBy(col("n_bytes").desc(), col("id").asc())));
    Dataset<Row> picked = ranked.where(col("example_rank").leq(PER_CLASS)).drop("example_of", "example_rank")
        .dropDuplicates("tokenizer", "id");
    return RowCodec.of(VocabTokensRow.class).collect(picked);
  }

  /** The examples of one class for one tokenizer, in {@link #ORDER}. */
  static List<VocabTokensRow> of(List<VocabTokensRow> examples, String tokenizer, String flag) {
    return examples.stream().filter(r -> tokenizer.equals(r.tokenizer()) && r.flags() != null
        && r.flags().contains(flag)).sorted(ORDER).limit(PER_CLASS).toList();
  }
}
