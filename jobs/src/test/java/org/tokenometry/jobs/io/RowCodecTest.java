package org.tokenometry.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.SparkTest;
import org.tokenometry.udfs.qa.Reference;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.QuestionRow;

/** A table's columns come from its row record: names, order, types, nullability, nesting; and back again. */
class RowCodecTest extends SparkTest {
  @TempDir
  Path dir;

  @Test
  void columnNamesAreTheComponentsInSnakeCase() {
    assertEquals("n_bytes", RowCodec.column("nBytes"));
    assertEquals("precision_omega_mean", RowCodec.column("precisionOmegaMean"));
    assertEquals("k", RowCodec.column("k"));
  }

  @Test
  void schemaFollowsTheRecord() {
    StructType s = RowCodec.of(CoverageRow.class).schema();
    assertEquals("struct<tokenizer:string,corpus:string,lang:string,tokens:bigint,unk_rate:double,"
        + "byte_fallback_rate:double,split_char_rate:double,vocab_size:int,distinct_tokens:bigint,"
        + "vocab_utilization:double,lexicon_type_rate:double,lexicon_token_rate:double,"
        + "top_tokens:array<struct<token:string,count:bigint>>>", s.simpleString());
    assertEquals(false, s.apply("tokens").nullable()); // long: never null
    assertEquals(true, s.apply("unk_rate").nullable()); // Double: nullable
    assertEquals("struct<question_id:string,corpus:string,question:string,"
        + "references:array<struct<doc_id:string,start:int,end:int,content:string>>,generator:string,status:string>",
        RowCodec.of(QuestionRow.class).schema().simpleString());
  }

  @Test
  void recordsSurviveParquet() {
    RowCodec<QuestionRow> codec = RowCodec.of(QuestionRow.class);
    List<QuestionRow> rows = List.of(
        new QuestionRow("q1", "c", "Who?", List.of(new Reference("d1", 0, 4, "Text"), new Reference(null, 5, 9,
            "more")), "extractive", "verified"),
        new QuestionRow("q2", "c", "Why?", List.of(), "import:x.csv", "offset_mismatch"));
    String path = dir.resolve("questions").toString();
    codec.dataFrame(spark, rows).write().parquet(path);
    Dataset<Row> back = spark.read().parquet(path).orderBy("question_id");
    assertEquals(rows, codec.collect(back));
  }

  @Test
  void readsByNameAndToleratesWidthAndMissingNullableColumns() {
    // an older table: columns in another order, vocab_size as a long, no lexicon columns
    StructType old = new StructType().add("lang", DataTypes.StringType).add("tokenizer", DataTypes.StringType)
        .add("corpus", DataTypes.StringType).add("tokens", DataTypes.LongType).add("unk_rate", DataTypes.DoubleType)
        .add("byte_fallback_rate", DataTypes.DoubleType).add("split_char_rate", DataTypes.DoubleType)
        .add("vocab_size", DataTypes.LongType).add("distinct_tokens", DataTypes.LongType)
        .add("vocab_utilization", DataTypes.DoubleType);
    Row r = new GenericRowWithSchema(new Object[] {"eng", "gpt4o", "c", 10L, 0.5, 0.0, 0.1, 200000L, 7L, 3.5e-5},
        old);
    CoverageRow c = RowCodec.of(CoverageRow.class).fromRow(r);
    assertEquals(new CoverageRow("gpt4o", "c", "eng", 10L, 0.5, 0.0, 0.1, 200000, 7L, 3.5e-5, null, null, null), c);

    StructType noTokens = new StructType().add("tokenizer", DataTypes.StringType);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RowCodec.of(CoverageRow.class).fromRow(new GenericRowWithSchema(new Object[] {"x"}, noTokens)));
    assertTrue(e.getMessage().contains("column 'tokens' is missing"), e.getMessage());
  }

  @Test
  void conformSelectsTheRecordsColumnsInOrder() {
    Dataset<Row> computed = spark.sql("SELECT 3L AS count, 'byte' AS category, 'x' AS extra, 0.5 AS share, "
        + "'Latn' AS script, 'gpt4o' AS tokenizer");
    Dataset<Row> t = RowCodec.of(org.tokenometry.udfs.tables.VocabProfileRow.class).conform(computed);
    assertEquals(List.of("tokenizer", "category", "script", "count", "share"), List.of(t.columns()));
    assertEquals("double", t.schema().apply("share").dataType().simpleString()); // the decimal literal, cast
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RowCodec.of(org.tokenometry.udfs.tables.VocabProfileRow.class).conform(computed.drop("script")));
    assertTrue(e.getMessage().contains("no column 'script'"), e.getMessage());
  }
}
