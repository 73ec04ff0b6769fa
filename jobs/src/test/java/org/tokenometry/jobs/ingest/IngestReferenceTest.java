package org.tokenometry.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.jobs.config.IngestConfig;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.testing.SparkTest;

/**
 * The real IngestJob over the reference corpora (../shared/data), in one run with three corpora: FLORES-200
 * dev+devtest in line mode and in joined mode, and the Broadcom 10-K (with its NUL bytes) in file mode.
 */
@Tag("reference")
class IngestReferenceTest extends SparkTest {
  @TempDir
  static Path out;

  static RunManifest manifest;
  static Dataset<Row> documents;

  @BeforeAll
  static void ingest() throws Exception {
    Path flores = ReferenceData.file("flores200");
    String broadcom = ReferenceData.file("domain/finance/broadcom.txt").toString();
    List<String> floresPaths = List.of(flores.resolve("dev").toString(), flores.resolve("devtest").toString());
    PipelineConfig config = new PipelineConfig(out.toString(), List.of("ingest"), List.of(
        new CorpusConfig("flores200", floresPaths, "auto", "line", "general", null, "filename", null, null, null,
            true, null),
        new CorpusConfig("flores200-joined", floresPaths, "auto", "joined", "general", null, "filename", null,
            null, null, false, "\n"),
        new CorpusConfig("sec10k", List.of(broadcom), "auto", "file", "finance", "eng_Latn", null, null, null, null,
            false, null)),
        null, null, new IngestConfig(null, null, null), null, null, null, null, null);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    manifest = Pipeline.run(spark, config, new Console(new PrintStream(buf, true, StandardCharsets.UTF_8), false));
    System.out.println(buf.toString(StandardCharsets.UTF_8));
    documents = spark.read().parquet(out.resolve("documents").toString()).cache();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stage() {
    return (Map<String, Object>) ((Map<String, Object>) manifest.asMap().get("stages")).get("ingest");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> sources(String corpus) {
    return ((Map<String, Map<String, Map<String, Object>>>) stage().get("sources")).get(corpus);
  }

  @Test
  void floresLineModeHas204LanguagesTimes2009DocumentsAndNoRejects() {
    Dataset<Row> line = documents.where("corpus = 'flores200'");
    assertEquals(204L * 2009, line.count());
    assertEquals(204L, line.select("lang").distinct().count());
    assertEquals(0L, spark.read().parquet(out.resolve("rejects").toString()).count());
    assertEquals(Map.of(), stage().get("rejects_by_reason"));
    // 997 dev + 1012 devtest sentences per language
    List<Row> perLang = line.groupBy("lang").count().where("count != 2009").collectAsList();
    assertEquals(List.of(), perLang);
  }

  @Test
  void everyParallelIdIsPresentInAll204Languages() {
    Dataset<Row> line = documents.where("corpus = 'flores200'");
    assertEquals(2009L, line.select("parallel_id").distinct().count());
    assertEquals(0L, line.groupBy("parallel_id").count().where("count != 204").count());
    assertEquals(204L, line.where("parallel_id = 'flores200:dev:17'").count());
    assertEquals(204L, line.where("parallel_id = 'flores200:devtest:1012'").count());
    Row eng = line.where("parallel_id = 'flores200:dev:1' and lang = 'eng_Latn'").first();
    assertTrue(eng.<String>getAs("text").startsWith("On Monday, scientists from the Stanford University"),
        eng.<String>getAs("text"));
  }

  @Test
  void joinedModeMakesOneDocumentPerLanguageFile() {
    Dataset<Row> joined = documents.where("corpus = 'flores200-joined'");
    assertEquals(204L * 2, joined.count());
    // a joined document holds every line of its file: 997 or 1012 lines joined by "\n"
    Row eng = joined.where("lang = 'eng_Latn' and source like '%/dev/%'").first();
    assertEquals(997, eng.<String>getAs("text").split("\n", -1).length);
  }

  @Test
  void broadcomNulBytesAreRepairedAndCounted() throws Exception {
    Map<String, Object> counts = sources("sec10k").values().iterator().next();
    assertEquals(1L, ((Number) counts.get("documents")).longValue());
    assertEquals(0L, ((Number) counts.get("rejects")).longValue());
    assertEquals(1L, ((Number) counts.get("repaired_records")).longValue());
    // independent count of the file's NUL and other C0 bytes (tab, LF, CR excluded)
    byte[] raw = Files.readAllBytes(ReferenceData.file("domain/finance/broadcom.txt"));
    long controls = 0;
    for (byte b : raw) {
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        controls++;
      }
    }
    boolean bom = raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB && (raw[2] & 0xff) == 0xBF;
    assertEquals(controls + (bom ? 1 : 0), ((Number) counts.get("repaired_chars")).longValue());
    System.out.println("broadcom.txt: repaired_chars=" + counts.get("repaired_chars") + " (C0 bytes " + controls
        + ", BOM " + bom + ")");
    Row doc = documents.where("corpus = 'sec10k'").first();
    assertTrue(doc.<String>getAs("text").indexOf('\u0000') < 0);
    assertEquals(raw.length - controls - (bom ? 3 : 0), (long) doc.getAs("n_bytes"));
  }
}
