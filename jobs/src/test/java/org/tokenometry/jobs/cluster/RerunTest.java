package org.tokenometry.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.testing.SparkTest;
import org.tokenometry.udfs.tokenizers.TokenizerFiles;

/** Reruns into the same output: idempotent, and a run failing midway leaves the previous tables readable. */
@Tag("integration")
class RerunTest extends SparkTest {
  @TempDir
  Path tmp;

  @AfterEach
  void resetKnobs() {
    spark.conf().unset(ClusterProbeStage.PREFIX + "failPartition");
  }

  PipelineConfig config(String corpusName, String corpusDir) throws Exception {
    assertTrue(Files.isRegularFile(TokenizerFiles.cached("gpt35turbo")), "run scripts/fetch-tokenizers");
    Path yaml = tmp.resolve(corpusName + ".yaml");
    Files.writeString(yaml, String.join("\n",
        "output: out",
        "stages: [cluster_probe]",
        "tokenizers: [gpt35turbo]",
        "corpora:",
        "  - name: " + corpusName,
        "    mode: line",
        "    paths: ['" + corpusDir + "/*.txt']",
        ""));
    return ConfigLoader.load(yaml);
  }

  JsonNode manifest(PipelineConfig c) throws Exception {
    return new ObjectMapper().readTree(Path.of(c.output(), "_manifest.json").toFile());
  }

  @Test
  void rerunIsIdempotentWithANewRunId() throws Exception {
    StandaloneClusterTest.tmp = tmp; // reuse the corpus writer
    StandaloneClusterTest.writeCorpus(tmp.resolve("corpus"));
    PipelineConfig c = config("probe", tmp.resolve("corpus").toString());
    Pipeline.run(spark, c, new Console(System.out, true));
    String firstRun = manifest(c).get("run_id").asText();
    Path copy = tmp.resolve("first");
    copyTree(Path.of(c.output()), copy);

    Pipeline.run(spark, c, new Console(System.out, true));
    JsonNode m = manifest(c);
    assertNotEquals(firstRun, m.get("run_id").asText());
    assertEquals("complete", m.get("status").asText());
    assertEquals(16, m.path("stages").path("cluster_probe").path("rows").asInt());
    TableAssertions.assertSameOutputs(spark, copy.toString(), c.output(), Set.of("pid"));
    assertEquals(16, spark.read().parquet(c.output() + "/probe_tokens").count()); // no duplicates
    assertEquals(16, spark.read().parquet(c.output() + "/probe_tokens").dropDuplicates().count());
    assertTrue(!Files.exists(Path.of(c.output(), "_staging")), "staging folder left behind");
  }

  @Test
  void aRunOverAnotherCorpusKeepsTheOtherPartitions() throws Exception {
    // probe_tokens is partitioned by tokenizer; a second corpus rewrites the gpt35turbo partition only,
    // and an unrelated partition written earlier (another tokenizer) survives
    Files.createDirectories(tmp.resolve("a"));
    Files.writeString(tmp.resolve("a/x.txt"), "hello world\n");
    PipelineConfig a = config("alpha", tmp.resolve("a").toString());
    Pipeline.run(spark, a, new Console(System.out, true));
    Path other = Path.of(a.output(), "probe_tokens", "tokenizer=other");
    Files.createDirectories(other);
    try (var s = Files.list(Path.of(a.output(), "probe_tokens", "tokenizer=gpt35turbo"))) {
      Path parquet = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.copy(parquet, other.resolve(parquet.getFileName()));
    }
    Files.writeString(tmp.resolve("a/x.txt"), "hello world\nsecond line\n");
    Pipeline.run(spark, a, new Console(System.out, true));
    var rows = spark.read().parquet(a.output() + "/probe_tokens");
    assertEquals(2, rows.filter("tokenizer = 'gpt35turbo'").count());
    assertEquals(1, rows.filter("tokenizer = 'other'").count());
  }

  @Test
  void aRunFailingMidwayLeavesThePreviousTablesAndAFailedManifest() throws Exception {
    StandaloneClusterTest.writeCorpus(tmp.resolve("corpus"));
    PipelineConfig c = config("probe", tmp.resolve("corpus").toString());
    Pipeline.run(spark, c, new Console(System.out, true));
    String firstRun = manifest(c).get("run_id").asText();
    Path copy = tmp.resolve("first");
    copyTree(Path.of(c.output()), copy);

    spark.conf().set(ClusterProbeStage.PREFIX + "failPartition", "3");
    Exception e = assertThrows(Exception.class, () -> Pipeline.run(spark, c, new Console(System.out, true)));
    assertTrue(String.valueOf(rootCause(e).getMessage()).contains("injected failure"), String.valueOf(e));

    JsonNode m = manifest(c);
    assertEquals("failed", m.get("status").asText());
    assertNotEquals(firstRun, m.get("run_id").asText());
    assertTrue(m.get("error").asText().contains("injected failure"), m.get("error").asText());
    // the previous complete tables are still there, readable and unchanged
    TableAssertions.assertSameOutputs(spark, copy.toString(), c.output(), Set.of("pid"));
    Row total = spark.read().parquet(c.output() + "/probe_summary").selectExpr("sum(docs)").first();
    assertEquals(16L, total.getLong(0));
  }

  static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path dst = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(p, dst);
        }
      }
    }
  }
}
