package org.tokenometry.jobs.retrieval;

import java.util.List;
import java.util.Map;
import org.tokenometry.jobs.tokenize.ShippedTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.udfs.retrieval.Unit;

/** The retrieval stage's tables (DESIGN.md §2): schemas, and the Spark wiring that fills them from task rows. */
public final class RetrievalGrid {
  public static final String RETRIEVAL = "retrieval";
  public static final String QUESTIONS = "retrieval_questions";
  public static final String CHUNKS = "chunks";

  /** One task: a chunk set (corpus or "*" for all corpora, tokenizer, chunker, size, overlap). */
  static final StructType TASK = new StructType()
      .add("key", DataTypes.StringType, false)
      .add("tokenizer", DataTypes.StringType, false)
      .add("chunker", DataTypes.StringType, false)
      .add("size", DataTypes.IntegerType, false)
      .add("overlap", DataTypes.IntegerType, false);

  /** retrieval_questions: one row per question × chunk set × retriever × k × unit. */
  public static final StructType QUESTION_ROW = new StructType()
      .add("corpus", DataTypes.StringType, false)
      .add("tokenizer", DataTypes.StringType, false)
      .add("chunker", DataTypes.StringType, false)
      .add("size", DataTypes.IntegerType, false)
      .add("overlap", DataTypes.IntegerType, false)
      .add("retriever", DataTypes.StringType, false)
      .add("k", DataTypes.IntegerType, false)
      .add("unit", DataTypes.StringType, false)
      .add("question_id", DataTypes.StringType, false)
      .add("recall", DataTypes.DoubleType, false)
      .add("precision", DataTypes.DoubleType, false)
      .add("iou", DataTypes.DoubleType, false)
      .add("precision_omega", DataTypes.DoubleType, false)
      .add("chunks", DataTypes.IntegerType, false)
      .add("mean_chunk_tokens", DataTypes.DoubleType, false);

  /** chunks (optional): code-point offsets, end exclusive, and the chunk's tokens under its tokenizer. */
  public static final StructType CHUNK_ROW = new StructType()
      .add("corpus", DataTypes.StringType, false)
      .add("tokenizer", DataTypes.StringType, false)
      .add("chunker", DataTypes.StringType, false)
      .add("size", DataTypes.IntegerType, false)
      .add("overlap", DataTypes.IntegerType, false)
      .add("doc_id", DataTypes.StringType, false)
      .add("chunk_no", DataTypes.IntegerType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("tokens", DataTypes.IntegerType, false);

  private RetrievalGrid() {}

  public static StructType taskSchema() {
    return TASK;
  }

  /** Runs the tasks and writes retrieval_questions. */
  public static void writeQuestions(TableStore tables, Dataset<Row> work, Map<String, ShippedTokenizer> tokenizers,
      List<String> retrievers, int[] ks, List<Unit> units, boolean chromaOffsets) {
    Dataset<Row> rows = work.flatMap(new RetrievalTask(tokenizers, retrievers, ks, units, chromaOffsets, false),
        Encoders.row(QUESTION_ROW));
    tables.write(rows, QUESTIONS);
  }

  /** Chunks every chunk set again (cheap next to retrieval) and writes the chunks table. */
  public static void writeChunks(TableStore tables, Dataset<Row> work, Map<String, ShippedTokenizer> tokenizers,
      boolean chromaOffsets) {
    Dataset<Row> rows = work.flatMap(
        new RetrievalTask(tokenizers, List.of(), new int[0], List.of(), chromaOffsets, true),
        Encoders.row(CHUNK_ROW));
    tables.write(rows, CHUNKS);
  }
}
