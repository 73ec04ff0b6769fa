package org.tokenometry.jobs.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.config.QaConfig;
import org.tokenometry.jobs.qa.QaFixtures.Doc;
import org.tokenometry.testing.SparkTest;
import org.tokenometry.udfs.ingest.TextRepair;

class QaStageTest extends SparkTest {
  // Python: len("Launch day 🚀 went well. ") == 24, so "Revenue rose 12%." is [24, 41)
  private static final String SALES = "Launch day 🚀 went well. Revenue rose 12%. Costs fell sharply in May.";
  private static final String NOTES = "Alpha beta gamma. Delta epsilon zeta.";
  private static final List<Doc> DOCS = List.of(
      new Doc("d-sales", "demo", "file:///data/demo/sales.txt", SALES),
      new Doc("d-notes", "demo", "file:///data/demo/notes.md", NOTES),
      new Doc("d-other", "other", "file:///data/other/sales.txt", "Unrelated text."));

  @TempDir Path tmp;

  private Path questionsCsv() throws Exception {
    String csv = "question,references,corpus_id\n"
        + "What rose?,\"[{\"\"content\"\": \"\"Revenue rose 12%.\"\", \"\"start_index\"\": 24, \"\"end_index\"\": 41}]\",sales\n"
        + "What fell?,\"[{\"\"content\"\": \"\"Costs fell sharply\"\", \"\"start_index\"\": 40, \"\"end_index\"\": 58}]\",/home/x/sales.txt\n"
        + "Greek?,\"[{\"\"content\"\": \"\"alpha beta  gamma\"\", \"\"start_index\"\": 0, \"\"end_index\"\": 16}, "
        + "{\"\"content\"\": \"\"zeta.\"\", \"\"start_index\"\": 32, \"\"end_index\"\": 99}]\",notes\n"
        + "Where?,\"[{\"\"content\"\": \"\"x\"\", \"\"start_index\"\": 0, \"\"end_index\"\": 1}]\",missing_corpus\n"
        + "Broken?,\"[{\"\"content\"\": \"\"x\"\", \"\"start_index\"\": 0,\",sales\n";
    Path f = tmp.resolve("q.csv");
    Files.writeString(f, csv);
    return f;
  }

  @Test
  void importVerifiesEveryReferenceAndWritesOnlyVerifiedQuestions() throws Exception {
    Path csv = questionsCsv();
    var ctx = QaFixtures.context(spark, tmp.resolve("out").toString(),
        QaFixtures.importing(false, null, new QaConfig.ImportFile(csv.toString(), "demo", null)), DOCS);
    new QaStage().run(ctx.context);
    List<Row> rows = ctx.context.tables().read("questions").collectAsList();
    assertEquals(1, rows.size());
    Row q = rows.get(0);
    assertEquals("q.csv:2", q.getString(0));
    assertEquals("demo", q.getString(1));
    assertEquals("What rose?", q.getString(2));
    Row ref = q.<Row>getList(3).get(0);
    assertEquals("d-sales", ref.getString(0));
    assertEquals(24, ref.getInt(1));
    assertEquals(41, ref.getInt(2));
    assertEquals("import:q.csv", q.getString(4));
    assertEquals("verified", q.getString(5));

    @SuppressWarnings("unchecked")
    Map<String, Object> stats = (Map<String, Object>) ((Map<String, Object>) ctx.context.manifest().stage("qa")
        .get("files")).get(csv.toString());
    assertEquals(5, stats.get("questions"));
    assertEquals(5, stats.get("references"));
    assertEquals(1, stats.get("verified"));
    assertEquals(3, stats.get("mismatched"));
    assertEquals(Map.of("offset_mismatch", 1, "out_of_range", 1, "unknown_corpus", 1),
        stats.get("reference_reasons"));
    assertEquals(Map.of("verified", 1, "offset_mismatch", 1, "out_of_range", 1, "unknown_corpus", 1,
        "malformed_row", 1), stats.get("question_status"));
    assertTrue(ctx.consoleText().contains("5 questions, 5 references, 1 questions verified, 3 references "
        + "mismatched"), ctx.consoleText());
  }

  @Test
  void excerptsWithNulsMatchTheDocumentAsIngestRepairedIt() throws Exception {
    // question sets made from a raw file with NULs (SEC 10-K broadcom.txt) copy the NULs into their excerpts;
    // ingest turned each into a space in place, so the offsets and the repaired excerpt both still match
    String raw = "For the transi\u0000on period.";
    List<Doc> docs = List.of(new Doc("d-10k", "demo", "file:///data/demo/10k.txt", TextRepair.repair(raw).text()));
    String csv = "question,references,corpus_id\n"
        + "Which period?,\"[{\"\"content\"\": \"\"transi\\u0000on period\"\", \"\"start_index\"\": 8, "
        + "\"\"end_index\"\": 24}]\",10k\n";
    Path f = tmp.resolve("nul.csv");
    Files.writeString(f, csv);
    var ctx = QaFixtures.context(spark, tmp.resolve("nul").toString(),
        QaFixtures.importing(false, null, new QaConfig.ImportFile(f.toString(), "demo", null)), docs);
    new QaStage().run(ctx.context);
    List<Row> rows = ctx.context.tables().read("questions").collectAsList();
    assertEquals(1, rows.size());
    Row ref = rows.get(0).<Row>getList(3).get(0);
    assertEquals("d-10k", ref.getString(0));
    assertEquals(8, ref.getInt(1));
    assertEquals(24, ref.getInt(2));
    assertEquals("transi on period", ref.getString(3));
    assertEquals(docs.get(0).text().substring(8, 24), ref.getString(3));
  }

  @Test
  void keepUnverifiedKeepsEveryQuestionWithItsReason() throws Exception {
    Path csv = questionsCsv();
    var ctx = QaFixtures.context(spark, tmp.resolve("out2").toString(),
        QaFixtures.importing(true, null, new QaConfig.ImportFile(csv.toString(), "demo", "csv")), DOCS);
    new QaStage().run(ctx.context);
    Map<String, String> status = new java.util.TreeMap<>();
    for (Row r : ctx.context.tables().read("questions").collectAsList()) {
      status.put(r.getString(2), r.getString(5));
    }
    assertEquals(Map.of("What rose?", "verified", "What fell?", "offset_mismatch", "Greek?", "out_of_range",
        "Where?", "unknown_corpus", "Broken?", "malformed_row"), status);
  }

  @Test
  void jsonlAndParquetImportsGiveTheSameQuestions() throws Exception {
    Path jsonl = tmp.resolve("q.jsonl");
    Files.writeString(jsonl, "{\"question\": \"What rose?\", \"corpus_id\": \"sales\", \"references\": "
        + "[{\"content\": \"Revenue rose 12%.\", \"start_index\": 24, \"end_index\": 41}]}\n"
        + "not json\n");
    StructType refT = new StructType().add("content", DataTypes.StringType)
        .add("start_index", DataTypes.LongType).add("end_index", DataTypes.LongType);
    StructType qT = new StructType().add("question", DataTypes.StringType)
        .add("references", DataTypes.createArrayType(refT)).add("corpus_id", DataTypes.StringType);
    String parquet = tmp.resolve("q.parquet").toString();
    spark.createDataFrame(List.of(RowFactory.create("Which costs?", new Row[] {
        RowFactory.create("Costs fell sharply in May.", 42L, 68L)}, "sales")), qT).write().parquet(parquet);
    var ctx = QaFixtures.context(spark, tmp.resolve("out3").toString(), QaFixtures.importing(false, null,
        new QaConfig.ImportFile(jsonl.toString(), "demo", null),
        new QaConfig.ImportFile(parquet, "demo", null)), DOCS);
    new QaStage().run(ctx.context);
    List<Row> rows = ctx.context.tables().read("questions").orderBy("question").collectAsList();
    assertEquals(2, rows.size());
    assertEquals("Which costs?", rows.get(1).getString(2));
    assertEquals(42, rows.get(1).<Row>getList(3).get(0).getInt(1));
    assertEquals("import:q.parquet", rows.get(1).getString(4));
    assertEquals("What rose?", rows.get(0).getString(2));
  }

  @Test
  void dedupThresholdDropsNearDuplicateQuestionsWithMiniLm() throws Exception {
    // the same question worded twice (cosine of the MiniLM embeddings ~0.98) and a different one
    Path jsonl = tmp.resolve("dups.jsonl");
    String ref = "[{\"content\": \"Revenue rose 12%.\", \"start_index\": 24, \"end_index\": 41}]";
    Files.writeString(jsonl,
        "{\"question\": \"How much did revenue rise?\", \"corpus_id\": \"sales\", \"references\": " + ref + "}\n"
        + "{\"question\": \"How much did the revenue rise?\", \"corpus_id\": \"sales\", \"references\": " + ref + "}\n"
        + "{\"question\": \"What happened on launch day?\", \"corpus_id\": \"sales\", \"references\": " + ref + "}\n");
    QaConfig qa = new QaConfig("import", null, List.of(new QaConfig.ImportFile(jsonl.toString(), "demo", null)),
        false, null, null, null, null, 0.9);
    var ctx = QaFixtures.context(spark, tmp.resolve("out-dedup").toString(), qa, DOCS);
    new QaStage().run(ctx.context);
    List<String> kept = ctx.context.tables().read("questions").orderBy("question_id").collectAsList().stream()
        .map(r -> r.getString(2)).toList();
    assertEquals(List.of("How much did revenue rise?", "What happened on launch day?"), kept);
  }

  @Test
  void extractiveGenerationIsVerifiedAndReproducible() throws Exception {
    StringBuilder sb = new StringBuilder("🚀 ");
    String[] topics = {"Federal Reserve", "Eurostat inflation", "Apple revenue", "Tesla deliveries",
        "Azure data centers", "OPEC quotas", "Bank of Japan", "retail sales", "memory prices", "housing starts"};
    for (String t : topics) {
      sb.append("The latest report on ").append(t).append(" surprised analysts across the industry. ");
    }
    List<Doc> docs = List.of(new Doc("a", "news", "file:///n/a.txt", sb.toString()),
        new Doc("b", "news", "file:///n/b.txt", sb.reverse().toString().replace("🚀", "") + " Short."),
        new Doc("c", "other", "file:///o/c.txt", sb.toString()));
    QaConfig qa = new QaConfig("extractive", List.of("news"), null, null, null, 7L,
        new QaConfig.Extractive(3, 500, 5, 30, 400), null, null);
    var first = QaFixtures.context(spark, tmp.resolve("g1").toString(), qa, docs);
    new QaStage().run(first.context);
    var second = QaFixtures.context(spark, tmp.resolve("g2").toString(), qa, docs);
    new QaStage().run(second.context);
    List<Row> a = first.context.tables().read("questions").orderBy("question_id").collectAsList();
    List<Row> b = second.context.tables().read("questions").orderBy("question_id").collectAsList();
    assertEquals(a, b);
    assertTrue(a.size() >= 3, "at least the 3 questions of document a: " + a.size());
    String textA = docs.get(0).text();
    for (Row r : a) {
      assertEquals("news", r.getString(1));
      assertEquals("extractive", r.getString(4));
      assertEquals("verified", r.getString(5));
      for (Row ref : r.<Row>getList(3)) {
        if (ref.getString(0).equals("a")) {
          int s = textA.offsetByCodePoints(0, ref.getInt(1));
          int e = textA.offsetByCodePoints(0, ref.getInt(2));
          assertEquals(ref.getString(3), textA.substring(s, e));
        }
      }
    }
    assertEquals(2L, first.context.manifest().stage("qa").get("documents"));
  }
}
