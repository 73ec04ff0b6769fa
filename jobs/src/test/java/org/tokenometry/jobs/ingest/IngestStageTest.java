package org.tokenometry.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.ingest.reliability.IngestChecks;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.testing.SparkTest;

/** Ingest of conf/sample.yaml (sample-data/) on local[2]: tables, counts, manifest, console. */
class IngestStageTest extends SparkTest {
  @TempDir
  static Path out;

  static RunManifest manifest;
  static String console;

  @BeforeAll
  static void ingestSample() throws Exception {
    PipelineConfig config = ConfigLoader.load(ReferenceData.projectRoot().resolve("conf/sample.yaml"))
        .withOutput(out.toString());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    manifest = Pipeline.run(spark, config, new Console(new PrintStream(buf, true, StandardCharsets.UTF_8), false));
    console = buf.toString(StandardCharsets.UTF_8);
    System.out.println(console);
  }

  /** Source URI -> counts, over all corpora (each sample file belongs to one corpus). */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> sources(RunManifest manifest) {
    Map<String, Object> stages = (Map<String, Object>) manifest.asMap().get("stages");
    Map<String, Map<String, Map<String, Object>>> byCorpus = (Map<String, Map<String, Map<String, Object>>>)
        ((Map<String, Object>) stages.get("ingest")).get("sources");
    Map<String, Map<String, Object>> flat = new TreeMap<>();
    byCorpus.values().forEach(flat::putAll);
    return flat;
  }

  private static Map<String, Map<String, Object>> sources() {
    return sources(manifest);
  }

  private static Map<String, Object> source(String fileName) {
    return sources().entrySet().stream().filter(e -> e.getKey().endsWith("/" + fileName)).findFirst()
        .orElseThrow(() -> new AssertionError("no source " + fileName + " in " + sources().keySet())).getValue();
  }

  @Test
  void documentsPerSource() {
    Map<String, Long> perFile = new TreeMap<>();
    spark.read().parquet(out + "/documents").groupBy("source").count().collectAsList()
        .forEach(r -> perFile.put(r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1), r.getLong(1)));
    Map<String, Long> expected = new TreeMap<>();
    for (String lang : List.of("eng_Latn", "fra_Latn", "rus_Cyrl", "arb_Arab", "hin_Deva", "tha_Thai", "zho_Hans",
        "jpn_Jpan", "kor_Hang")) {
      expected.put(lang + ".dev", 10L);
    }
    expected.put("finance.md", 1L);
    expected.put("biomedical.md", 1L);
    expected.put("cyber.md", 1L);
    expected.put("notes.csv", 3L);
    expected.put("dirty.jsonl", 3L);
    assertEquals(expected, perFile);
  }

  @Test
  void rejectsHaveOneRowPerProblem() {
    List<Row> rows = spark.read().parquet(out + "/rejects").collectAsList();
    assertEquals(6, rows.size());
    Map<String, String> byReason = new TreeMap<>();
    rows.forEach(r -> byReason.put(r.getAs("reason"),
        Path.of(r.<String>getAs("source")).getFileName() + "#" + r.getAs("record_no")));
    assertEquals(Map.of(
        "malformed_json", "dirty.jsonl#2",
        "empty_text", "dirty.jsonl#3",
        "missing_text_field", "dirty.jsonl#4",
        "invalid_utf8", "dirty.jsonl#6",
        "too_long", "dirty.jsonl#7",
        "unknown_format", "legacy.rtf#1"), byReason);
  }

  @Test
  void manifestCountsBalancePerSource() {
    IngestChecks.assertBalanced(spark, out);
    assertEquals(15, sources().size());
    sources().forEach((src, m) -> assertEquals(((Number) m.get("records")).longValue(),
        ((Number) m.get("documents")).longValue() + ((Number) m.get("rejects")).longValue(), src));
    Map<String, Object> dirty = source("dirty.jsonl");
    assertEquals(8L, ((Number) dirty.get("records")).longValue());
    assertEquals(3L, ((Number) dirty.get("documents")).longValue());
    assertEquals(5L, ((Number) dirty.get("rejects")).longValue());
    // BOM on dirty-1 (1 char), two NULs on dirty-5, a form feed on dirty-8
    assertEquals(3L, ((Number) dirty.get("repaired_records")).longValue());
    assertEquals(4L, ((Number) dirty.get("repaired_chars")).longValue());
    assertEquals(5926L, ((Number) dirty.get("bytes")).longValue());
    assertEquals(1L, ((Number) source("legacy.rtf").get("rejects")).longValue());
    assertTrue(console.contains("rejects by reason:"), console);
    assertTrue(console.lines().allMatch(l -> l.length() <= 80), console);
  }

  @Test
  void documentsSchemaAndPartitionFolders() throws Exception {
    Path docs = out.resolve("documents");
    for (String dir : List.of("corpus=sample-parallel/lang=tha_Thai", "corpus=sample-parallel/lang=jpn_Jpan",
        "corpus=sample-finance/lang=eng_Latn", "corpus=sample-notes/lang=deu_Latn")) {
      assertTrue(Files.isDirectory(docs.resolve(dir)), dir);
    }
    Path part;
    try (Stream<Path> files = Files.walk(docs.resolve("corpus=sample-parallel/lang=tha_Thai"))) {
      part = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    // inside the files: the contract's columns minus the partition columns, in contract order
    assertArrayEquals(new String[] {"doc_id", "domain", "script", "parallel_id", "source", "text", "n_bytes",
        "n_chars", "shard"}, spark.read().parquet(part.toString()).columns());
    Dataset<Row> table = spark.read().parquet(docs.toString());
    assertEquals(Stream.of("doc_id", "corpus", "domain", "lang", "script", "parallel_id", "source", "text",
        "n_bytes", "n_chars", "shard").sorted().toList(),
        Stream.of(table.columns()).sorted().toList());
    // rejects are partitioned by corpus: the column comes back last, from the folder names
    assertArrayEquals(new String[] {"source", "record_no", "reason", "detail", "raw_prefix", "corpus"},
        spark.read().parquet(out + "/rejects").columns());
    assertTrue(Files.isDirectory(out.resolve("rejects/corpus=sample-dirty")));
  }

  @Test
  void parallelSentencesLineUpAcrossNineLanguages() {
    Dataset<Row> par = spark.read().parquet(out + "/documents").where("corpus = 'sample-parallel'");
    Map<String, Long> perId = new TreeMap<>();
    par.groupBy("parallel_id").count().collectAsList().forEach(r -> perId.put(r.getString(0), r.getLong(1)));
    assertEquals(10, perId.size());
    perId.forEach((id, n) -> assertEquals(9L, n, id));
    Map<String, String> scriptByLang = par.select("lang", "script").distinct().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
    assertEquals(Map.of("eng_Latn", "Latn", "fra_Latn", "Latn", "rus_Cyrl", "Cyrl", "arb_Arab", "Arab",
        "hin_Deva", "Deva", "tha_Thai", "Thai", "zho_Hans", "Hani", "jpn_Jpan", "Jpan", "kor_Hang", "Hang"),
        scriptByLang);
    Row thai1 = par.where("parallel_id = 'sample-parallel:dev:1' and lang = 'tha_Thai'").first();
    assertEquals("ห้องสมุดเปิดเวลาเก้าโมงเช้าทุกวัน", thai1.getAs("text"));
    assertEquals(33L, (long) thai1.getAs("n_chars"));
  }
}
