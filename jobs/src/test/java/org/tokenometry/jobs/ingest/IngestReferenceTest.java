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
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.jobs.config.IngestConfig;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.ingest.reliability.IngestChecks;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.testing.SparkTest;
import org.tokenometry.udfs.tables.RejectRow;

/**
 * The real IngestStage over the reference corpora (../shared/data), in one run with three corpora: FLORES-200
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
    IngestChecks.assertBalanced(spark, out);
    // one small query: documents per (corpus, lang)
    Map<String, Long> perLang = new TreeMap<>();
    documents.groupBy("corpus", "lang").count().collectAsList()
        .forEach(r -> perLang.put(r.getString(0) + "/" + r.getString(1), r.getLong(2)));
    Map<String, Long> line = new TreeMap<>(perLang);
    line.keySet().removeIf(k -> !k.startsWith("flores200/"));
    assertEquals(204, line.size());
    // 997 dev + 1012 devtest sentences in every language
    assertEquals(Map.of(), filterNot(line, 2009L));
    assertEquals(0L, spark.read().schema(RowCodec.of(RejectRow.class).schema())
        .parquet(out.resolve("rejects").toString()).count(), "no rejects: the partitioned table has no files");
    assertEquals(Map.of(), stage().get("rejects_by_reason"));
    Map<String, Long> joined = new TreeMap<>(perLang);
    joined.keySet().removeIf(k -> !k.startsWith("flores200-joined/"));
    assertEquals(204, joined.size());
    assertEquals(Map.of(), filterNot(joined, 2L), "one joined document per language file (dev, devtest)");
  }

  private static Map<String, Long> filterNot(Map<String, Long> m, long value) {
    Map<String, Long> out = new TreeMap<>(m);
    out.values().removeIf(v -> v == value);
    return out;
  }

  @Test
  void everyParallelIdIsPresentInAll204Languages() {
    List<Row> ids = documents.where("corpus = 'flores200'").groupBy("parallel_id")
        .agg(functions.countDistinct("lang").as("langs")).collectAsList();
    assertEquals(2009, ids.size());
    assertEquals(List.of(), ids.stream().filter(r -> r.getLong(1) != 204).toList());
    assertTrue(ids.stream().anyMatch(r -> r.getString(0).equals("flores200:dev:17")));
    assertTrue(ids.stream().anyMatch(r -> r.getString(0).equals("flores200:devtest:1012")));
    Row eng = documents.where("corpus = 'flores200' and parallel_id = 'flores200:dev:1' and lang = 'eng_Latn'")
        .first();
    assertTrue(eng.<String>getAs("text").startsWith("On Monday, scientists from the Stanford University"),
        eng.<String>getAs("text"));
  }

  @Test
  void joinedDocumentHoldsEveryLineAndControlCharsAreRepairedInBothModes() {
    Row eng = documents.where("corpus = 'flores200-joined' and lang = 'eng_Latn' and source like '%/dev/%'")
        .first();
    assertEquals(997, eng.<String>getAs("text").split("\n", -1).length);
    // shn_Mymr.dev is the one FLORES file with a C0 control character (one byte; counted with python)
    for (String corpus : List.of("flores200", "flores200-joined")) {
      Map<String, Object> shn = sources(corpus).entrySet().stream()
          .filter(e -> e.getKey().endsWith("/dev/shn_Mymr.dev")).findFirst().orElseThrow().getValue();
      assertEquals(1L, ((Number) shn.get("repaired_chars")).longValue(), corpus);
      assertEquals(1L, ((Number) shn.get("repaired_records")).longValue(), corpus);
    }
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
    String text = doc.getAs("text");
    assertTrue(text.indexOf('\u0000') < 0);
    // each control character became a space in place, so offsets into the raw file (question sets) still hold
    assertEquals(raw.length - (bom ? 3 : 0), (long) doc.getAs("n_bytes"));
    String expected = new String(raw, StandardCharsets.UTF_8).replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " ");
    assertEquals(bom ? expected.substring(1) : expected, text);
  }
}
