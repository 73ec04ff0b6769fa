package org.tokenometry.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.cluster.ScaleDriver;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.testing.SparkTest;

/**
 * One document of 50 MB (just under ingest's default max_doc_bytes) through ingest and tokenize with every
 * tokenizer, in a JVM of 1 GiB: the pass encodes it piece by piece, so memory does not grow with the document.
 * The text is the sample corpora's nine languages, line after line, repeated. Wall time and peak heap are printed
 * and written to {@code jobs/target/long-document-test.json}. Tag {@code scale}: .ci/run runs it.
 */
@Tag("scale")
class LongDocumentStageTest extends SparkTest {
  static final long BYTES = 50_000_000;
  static final List<String> TOKENIZERS = List.of("gpt4o", "gpt35turbo", "llama3", "llama2", "mistral7b", "gemma3",
      "gemini", "qwen3", "deepseek_v3", "claude", "minilm", "bge_small_zh", "utf8_bytes", "chars", "words");

  @TempDir
  Path tmp;

  @Test
  void aFiftyMegabyteDocumentWithEveryTokenizerInOneGigabyte() throws Exception {
    Path root = ReferenceData.projectRoot();
    List<String> lines = new ArrayList<>();
    try (Stream<Path> s = Files.list(root.resolve("sample-data/parallel/dev"))) {
      for (Path f : s.sorted().toList()) {
        lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    Path doc = tmp.resolve("corpus/book.txt");
    Files.createDirectories(doc.getParent());
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(doc, StandardCharsets.UTF_8)) {
      for (int i = 0; ; i++) {
        String line = lines.get(i % lines.size()) + "\n";
        long n = line.getBytes(StandardCharsets.UTF_8).length;
        if (written + n > BYTES) {
          break;
        }
        w.write(line);
        written += n;
      }
    }
    String out = tmp.resolve("out").toString();
    Path config = tmp.resolve("long.yaml");
    Files.writeString(config, "output: " + out + "\nstages: [ingest, tokenize]\n"
        + "tokenizer_registry: " + root.resolve("conf/tokenizers.yaml") + "\n"
        + "tokenizers: [" + String.join(", ", TOKENIZERS) + "]\n"
        + "corpora:\n  - name: book\n    paths: [" + doc.getParent() + "]\n    mode: file\n    lang: und\n"
        + "    domain: general\n");
    Path result = tmp.resolve("result.json");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Djdk.")
            || a.startsWith("-Dio.netty"))
        .forEach(cmd::add);
    cmd.addAll(List.of("-Dlog4j2.configurationFile=" + root.resolve("conf/log4j2.properties"), "-cp",
        System.getProperty("java.class.path"), ScaleDriver.class.getName(), "local[2]", config.toString(),
        result.toString(), "spark.driver.memory=1g"));
    Path log = tmp.resolve("driver.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("DJL_OFFLINE", "true");
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      List<String> tail = Files.readAllLines(log);
      throw new AssertionError("run failed; " + log + ":\n" + String.join("\n",
          tail.subList(Math.max(0, tail.size() - 40), tail.size())));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> r = new ObjectMapper().readValue(result.toFile(), Map.class);
    r.put("document_bytes", written);
    r.put("tokenizers", TOKENIZERS.size());
    new ObjectMapper().writeValue(root.resolve("jobs/target/long-document-test.json").toFile(), r);
    System.out.println("50 MB document: " + r);

    Row d = spark.read().parquet(out + "/documents").first();
    assertEquals(written, d.<Long>getAs("n_bytes"));
    List<Row> rows = spark.read().parquet(out + "/doc_tokens").collectAsList();
    assertEquals(TOKENIZERS.size(), rows.size());
    for (Row t : rows) {
      assertTrue(t.<Long>getAs("tokens") > written / 20, t.toString()); // no tokenizer averages 20 bytes a token
      assertEquals(d.<Long>getAs("n_chars"), t.<Long>getAs("chars"));
      if (t.getAs("tokenizer").equals("utf8_bytes")) {
        assertEquals(written, t.<Long>getAs("tokens"));
      } else if (t.getAs("tokenizer").equals("chars")) {
        assertEquals(d.<Long>getAs("n_chars"), t.<Long>getAs("tokens"));
      }
    }
  }
}
