package org.tokenometry.jobs.retrieval;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.jobs.tokenize.ShippedTokenizer;
import org.tokenometry.udfs.retrieval.Unit;
import org.tokenometry.udfs.tables.ChunkRow;
import org.tokenometry.udfs.tables.RetrievalQuestionRow;

/** The retrieval grid's Spark wiring: one task per chunk set, whose rows fill the per-question and chunk tables. */
public final class RetrievalGrid {

  /** One task: a chunk set (corpus or "*" for all corpora, tokenizer, chunker, size, overlap). */
  static final StructType TASK = new StructType()
      .add("key", DataTypes.StringType, false)
      .add("tokenizer", DataTypes.StringType, false)
      .add("chunker", DataTypes.StringType, false)
      .add("size", DataTypes.IntegerType, false)
      .add("overlap", DataTypes.IntegerType, false);

  private RetrievalGrid() {}

  public static StructType taskSchema() {
    return TASK;
  }

  /** Runs the tasks and writes retrieval_questions. */
  public static void writeQuestions(TableStore tables, Dataset<Row> work, Map<String, ShippedTokenizer> tokenizers,
      List<String> retrievers, int[] ks, List<Unit> units, boolean chromaOffsets) {
    Dataset<Row> rows = work.flatMap(new RetrievalTask(tokenizers, retrievers, ks, units, chromaOffsets, false),
        Encoders.row(RowCodec.of(RetrievalQuestionRow.class).schema()));
    tables.write(rows, RetrievalQuestionRow.TABLE);
  }

  /** Chunks every chunk set again (cheap next to retrieval) and writes the chunks table. */
  public static void writeChunks(TableStore tables, Dataset<Row> work, Map<String, ShippedTokenizer> tokenizers,
      boolean chromaOffsets) {
    Dataset<Row> rows = work.flatMap(
        new RetrievalTask(tokenizers, List.of(), new int[0], List.of(), chromaOffsets, true),
        Encoders.row(RowCodec.of(ChunkRow.class).schema()));
    tables.write(rows, ChunkRow.TABLE);
  }
}
