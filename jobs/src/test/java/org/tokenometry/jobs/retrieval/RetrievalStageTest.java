package org.tokenometry.jobs.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.config.RetrievalConfig;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.testing.SparkTest;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.HfTokenizer;

/**
 * The retrieval stage on a hand-made corpus whose cl100k tokens are known: "alpha beta gamma delta" is the four
 * tokens "alpha", " beta", " gamma", " delta", so 2-token windows are [0,10) and [10,22). Every expected value
 * below is worked out by hand from those spans.
 */
class RetrievalStageTest extends SparkTest {
  private static final String GREEK = "alpha beta gamma delta";
  private static final double EPS = 1e-9;

  @TempDir
  Path out;

  @Test
  void scoresHandMadeQuestionsInBothUnits() throws Exception {
    try (HfTokenizer cl100k = HfTokenizer.load("gpt35turbo", ReferenceData.tokenizer("gpt35turbo"))) {
      Encoding e = cl100k.encode(GREEK);
      assertArrayEquals(new int[] {0, 5, 10, 16}, e.starts());
      assertArrayEquals(new int[] {5, 10, 16, 22}, e.ends());
    }
    TableStore tables = new TableStore(spark, out.toString(), "test");
    StructType docs = new StructType().add("doc_id", DataTypes.StringType).add("corpus", DataTypes.StringType)
        .add("text", DataTypes.StringType);
    tables.write(spark.createDataFrame(List.of(
        RowFactory.create("g1", "greek", GREEK),
        RowFactory.create("o1", "other", "epsilon zeta eta theta gamma")), docs), "documents");
    StructType ref = new StructType().add("doc_id", DataTypes.StringType).add("start", DataTypes.IntegerType)
        .add("end", DataTypes.IntegerType).add("content", DataTypes.StringType);
    StructType questions = new StructType().add("question_id", DataTypes.StringType)
        .add("corpus", DataTypes.StringType).add("question", DataTypes.StringType)
        .add("references", DataTypes.createArrayType(ref)).add("generator", DataTypes.StringType)
        .add("status", DataTypes.StringType);
    tables.write(spark.createDataFrame(List.of(
        q("q1", "Which letter is gamma?", RowFactory.create("g1", 11, 16, "gamma"), "verified"),
        q("q2", "Where is beta?", RowFactory.create("g1", 6, 10, "beta"), "verified"),
        q("q3", "Where is delta?", RowFactory.create("g1", 17, 22, "delta"), "unverified")), questions),
        "questions");

    RetrievalConfig rc = new RetrievalConfig(List.of("gpt35turbo"), null,
        List.of(new RetrievalConfig.ChunkerGrid("fixed", List.of(2), List.of(0))), List.of("bm25"), List.of(1, 2),
        null, null, null, null, true);
    PipelineConfig config = new PipelineConfig(out.toString(), List.of("retrieval"), null, null, null, null, null,
        null, rc, null, null);
    RunManifest manifest = new RunManifest("test", config, Map.of());
    new RetrievalStage().run(new StageContext(spark, config, tables, manifest,
        new Console(new PrintStream(new ByteArrayOutputStream()), true)));

    // q1: BM25 finds only " gamma delta" [10,22). char: I = [11,16) = 5 of 12; Precision-Ω: [0,10) does not reach 11.
    // token: reference covers token 2, chunk = tokens [2,4)
    assertQuestion("q1", 1, "char", 1, 5 / 12.0, 5 / 12.0, 5 / 12.0);
    assertQuestion("q1", 2, "char", 1, 5 / 12.0, 5 / 12.0, 5 / 12.0); // no second chunk shares a term
    assertQuestion("q1", 1, "token", 1, 0.5, 0.5, 0.5);
    // q2: BM25 finds "alpha beta" [0,10). char: I = [6,10) = 4 of 10; Precision-Ω: [10,22) touches the reference
    // at 10, so H = both chunks: 4 / 22. token: touching does not count, Precision-Ω = 1 / 2
    assertQuestion("q2", 1, "char", 1, 0.4, 0.4, 4 / 22.0);
    assertQuestion("q2", 1, "token", 1, 0.5, 0.5, 0.5);

    Row charK1 = spark.read().parquet(out.resolve("retrieval").toString())
        .filter("corpus = 'greek' and k = 1 and unit = 'char'").collectAsList().get(0);
    assertEquals(2, charK1.<Integer>getAs("n_questions")); // q3 is unverified
    assertEquals(2, charK1.<Integer>getAs("chunks"));
    assertEquals(2.0, charK1.<Double>getAs("mean_chunk_tokens"), EPS);
    assertEquals((5 / 12.0 + 0.4) / 2, charK1.<Double>getAs("precision_mean"), EPS);
    assertEquals(Math.abs(5 / 12.0 - 0.4) / 2, charK1.<Double>getAs("precision_std"), EPS); // population std
    assertEquals((5 / 12.0 + 4 / 22.0) / 2, charK1.<Double>getAs("precision_omega_mean"), EPS);
    assertEquals(1.0, charK1.<Double>getAs("recall_mean"), EPS);
    assertEquals(0.0, charK1.<Double>getAs("recall_std"), EPS);
    // one row per corpus x tokenizer x chunker x size x overlap x retriever x k x unit; "other" has no questions
    assertEquals(4, spark.read().parquet(out.resolve("retrieval").toString()).count());

    List<Row> chunks = spark.read().parquet(out.resolve("chunks").toString()).orderBy("chunk_no").collectAsList();
    assertEquals(2, chunks.size());
    assertEquals(List.of(0, 10, 2), List.of(chunks.get(0).<Integer>getAs("start"), chunks.get(0).<Integer>getAs("end"),
        chunks.get(0).<Integer>getAs("tokens")));
    assertEquals(List.of(10, 22, 2), List.of(chunks.get(1).<Integer>getAs("start"),
        chunks.get(1).<Integer>getAs("end"), chunks.get(1).<Integer>getAs("tokens")));
    assertEquals(2L, manifest.stage("retrieval").get("questions_evaluated"));
    assertEquals(1L, manifest.stage("retrieval").get("questions_skipped_by_status"));
  }

  private static Row q(String id, String question, Row ref, String status) {
    return RowFactory.create(id, "greek", question, List.of(ref), "import:test", status);
  }

  private void assertQuestion(String id, int k, String unit, double recall, double precision, double iou,
      double omega) {
    List<Row> rows = spark.read().parquet(out.resolve("retrieval_questions").toString())
        .filter("question_id = '" + id + "' and k = " + k + " and unit = '" + unit + "'").collectAsList();
    assertEquals(1, rows.size(), id + " k=" + k + " " + unit);
    Row r = rows.get(0);
    String at = id + " k=" + k + " " + unit + " ";
    assertEquals(recall, r.<Double>getAs("recall"), EPS, at + "recall");
    assertEquals(precision, r.<Double>getAs("precision"), EPS, at + "precision");
    assertEquals(iou, r.<Double>getAs("iou"), EPS, at + "iou");
    assertEquals(omega, r.<Double>getAs("precision_omega"), EPS, at + "precision_omega");
  }
}
