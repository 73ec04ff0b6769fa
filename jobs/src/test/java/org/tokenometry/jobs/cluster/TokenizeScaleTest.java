package org.tokenometry.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.testing.SparkTest;

/**
 * The tokenize stage at the scale of languages x tokenizers x vocabulary, with a 1 GiB driver: 1,000 languages x
 * 30 tokenizer names, each language's document emitting nearly all of a generated 2,000-piece WordPiece
 * vocabulary (the same file registered under 30 names), so there are 30,000 groups of ~2,000 ids: 60 million
 * (group, id) counts, which the accumulator design merged on the driver (about 1.4 GB of hash tables alone). Run
 * with {@code spark.driver.memory=1g} and {@code -Xmx1g} in local mode and on a standalone cluster (2 Workers);
 * the tables must equal a small batch of 10 languages x 3 names on that slice, the hand-counted tokens and ids of
 * every document, and each other. The driver's peak heap is printed and written to {@code
 * jobs/target/scale-test-<mode>.json}. Tag {@code scale}: .ci/run runs it, scripts/test does not.
 */
@Tag("scale")
class TokenizeScaleTest extends SparkTest {
  static final int LANGUAGES = 1000;
  static final int NAMES = 30;
  static final int WORDS = 2000;
  static final int SPECIALS = 5; // [PAD] [UNK] [CLS] [SEP] [MASK]
  static final int SLICE_LANGUAGES = 10;
  static final int SLICE_NAMES = 3;

  @TempDir
  static Path tmp;
  static String localOutput;
  static Map<String, Object> localRun;
  /** lang -> word -> occurrences in its document, counted here from the generated text. */
  static final Map<String, Map<String, Integer>> COUNTS = new HashMap<>();

  @BeforeAll
  static void generateAndRunLocally() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Path slice = tmp.resolve("slice");
    Files.createDirectories(corpus);
    Files.createDirectories(slice);
    writeTokenizer(tmp.resolve("scale.tokenizer.json"));
    StringBuilder registry = new StringBuilder("tokenizers:\n");
    for (int n = 0; n < NAMES; n++) {
      registry.append("  ").append(name(n)).append(":\n    type: hf\n    engine: java\n")
          .append("    path: scale.tokenizer.json\n");
    }
    Files.writeString(tmp.resolve("tokenizers.yaml"), registry);
    for (int l = 0; l < LANGUAGES; l++) {
      String text = document(l);
      Files.writeString(corpus.resolve(lang(l) + ".txt"), text + "\n", StandardCharsets.UTF_8);
      if (l < SLICE_LANGUAGES) {
        Files.writeString(slice.resolve(lang(l) + ".txt"), text + "\n", StandardCharsets.UTF_8);
      }
      Map<String, Integer> c = new HashMap<>();
      for (String w : text.split(" ")) {
        c.merge(w, 1, Integer::sum);
      }
      COUNTS.put(lang(l), c);
    }
    localOutput = tmp.resolve("local-out").toString();
    localRun = drive("local", "local[2]", config("full", corpus, localOutput, NAMES), LANGUAGES, NAMES);
  }

  /** Base-26 lowercase letters, at least three: a word BERT's normalizer and pre-tokenizer keep whole. */
  static String word(int i) {
    StringBuilder b = new StringBuilder();
    int v = i + 26 * 26;
    while (v > 0) {
      b.append((char) ('a' + v % 26));
      v /= 26;
    }
    return b.toString();
  }

  static String lang(int l) {
    return word(l) + "_Latn";
  }

  static String name(int n) {
    return String.format("s%02d", n);
  }

  /**
   * Language l: every word but the 20 whose index is l mod 100 (mod 100), in an order of its own, then word l
   * again l mod 5 times, so its most frequent token is its own.
   */
  static String document(int l) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < WORDS; i++) {
      int w = (i * 7 + l) % WORDS;
      if (w % 100 != l % 100) {
        words.add(word(w));
      }
    }
    for (int k = 0; k < l % 5; k++) {
      words.add(word(l % WORDS));
    }
    return String.join(" ", words);
  }

  static void writeTokenizer(Path file) throws Exception {
    Map<String, Integer> vocab = new LinkedHashMap<>();
    String[] specials = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
    List<Map<String, Object>> added = new ArrayList<>();
    for (String s : specials) {
      added.add(Map.of("id", vocab.size(), "content", s, "single_word", false, "lstrip", false, "rstrip", false,
          "normalized", false, "special", true));
      vocab.put(s, vocab.size());
    }
    for (int i = 0; i < WORDS; i++) {
      vocab.put(word(i), vocab.size());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", "1.0");
    json.put("added_tokens", added);
    json.put("normalizer", Map.of("type", "BertNormalizer", "clean_text", true, "handle_chinese_chars", true,
        "lowercase", true));
    json.put("pre_tokenizer", Map.of("type", "BertPreTokenizer"));
    json.put("model", Map.of("type", "WordPiece", "unk_token", "[UNK]", "continuing_subword_prefix", "##",
        "max_input_chars_per_word", 100, "vocab", vocab));
    new ObjectMapper().writeValue(file.toFile(), json);
  }

  static Path config(String label, Path corpus, String output, int names) throws Exception {
    List<String> tokenizers = new ArrayList<>();
    for (int n = 0; n < names; n++) {
      tokenizers.add(name(n));
    }
    String yaml = "output: " + output + "\n"
        + "stages: [ingest, tokenize]\n"
        + "tokenizer_registry: " + tmp.resolve("tokenizers.yaml") + "\n"
        + "tokenizers: [" + String.join(", ", tokenizers) + "]\n"
        + "tokenize: {pivot_lang: " + lang(0) + "}\n"
        + "corpora:\n  - name: scale\n    paths: [" + corpus + "]\n    mode: line\n    lang_from: filename\n"
        + "    parallel: true\n    domain: general\n";
    Path f = tmp.resolve(label + ".yaml");
    Files.writeString(f, yaml);
    return f;
  }

  /** Runs {@link ScaleDriver} in a JVM of 1 GiB; returns its measurements (also kept under jobs/target). */
  static Map<String, Object> drive(String mode, String master, Path config, int languages, int names,
      String... conf) throws Exception {
    Path result = tmp.resolve(mode + "-result.json");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g"));
    // the --add-opens list Spark needs, as this JVM got it from Surefire
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Djdk.")
            || a.startsWith("-Dio.netty"))
        .forEach(cmd::add);
    cmd.addAll(List.of("-Dlog4j2.configurationFile=" + ReferenceData.projectRoot().resolve("conf/log4j2.properties"),
        "-cp", System.getProperty("java.class.path"), ScaleDriver.class.getName(), master, config.toString(),
        result.toString(), "spark.driver.memory=1g"));
    cmd.addAll(List.of(conf));
    Path log = tmp.resolve(mode + "-driver.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("DJL_OFFLINE", "true");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    long t0 = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(mode + " run failed; log " + log + ":\n" + StandaloneCluster.Scripts.tail(log));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> r = new ObjectMapper().readValue(result.toFile(), Map.class);
    r.put("process_seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
    r.put("groups", languages * names);
    r.put("group_ids_about", (long) languages * names * WORDS);
    Path kept = ReferenceData.projectRoot().resolve("jobs/target/scale-test-" + mode + ".json");
    new ObjectMapper().writeValue(kept.toFile(), r);
    System.out.println("scale test, " + mode + ": " + r);
    return r;
  }

  @Test
  void localModeCompletesWithAOneGigabyteDriverAndCountsEveryToken() {
    assertTrue(((Number) localRun.get("max_heap_mb")).longValue() <= 1024, localRun.toString());
    Dataset<Row> compression = spark.read().parquet(localOutput + "/compression");
    Dataset<Row> coverage = spark.read().parquet(localOutput + "/coverage");
    assertEquals(LANGUAGES * NAMES, compression.count());
    assertEquals(LANGUAGES * NAMES, coverage.count());
    // every group against the words counted here: tokens, distinct ids, the most frequent token and its count
    for (Row r : coverage.select("tokenizer", "lang", "tokens", "distinct_tokens", "top_tokens").collectAsList()) {
      Map<String, Integer> c = COUNTS.get(r.getString(1));
      String what = r.getString(0) + "/" + r.getString(1);
      assertEquals(c.values().stream().mapToLong(Integer::longValue).sum(), r.getLong(2), what);
      assertEquals(c.size(), r.getLong(3), what);
      Row top = r.<Row>getList(4).get(0);
      int most = c.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
      assertEquals(most, top.getLong(1), what);
      assertEquals(most, (int) c.get(top.getString(0)), what);
    }
    assertEquals(LANGUAGES * NAMES, spark.read().parquet(localOutput + "/doc_tokens").count());
  }

  @Test
  void aSmallBatchOnASliceGivesTheSameRows() throws Exception {
    String out = tmp.resolve("slice-out").toString();
    drive("slice", "local[2]", config("slice", tmp.resolve("slice"), out, SLICE_NAMES), SLICE_LANGUAGES, SLICE_NAMES);
    List<String> langs = new ArrayList<>();
    for (int l = 0; l < SLICE_LANGUAGES; l++) {
      langs.add(lang(l));
    }
    List<String> names = List.of(name(0), name(1), name(2));
    for (String table : List.of("compression", "coverage")) {
      Dataset<Row> full = spark.read().parquet(localOutput + "/" + table)
          .where(org.apache.spark.sql.functions.col("lang").isin(langs.toArray())
              .and(org.apache.spark.sql.functions.col("tokenizer").isin(names.toArray())));
      assertEquals(SLICE_LANGUAGES * SLICE_NAMES, full.count());
      TableAssertions.assertSameRows(table, spark.read().parquet(out + "/" + table), full,
          TableAssertions.TIMING_COLUMNS);
    }
  }

  @Test
  void aStandaloneClusterWithAOneGigabyteDriverGivesTheLocalTables() throws Exception {
    Path root = ReferenceData.projectRoot();
    Path jar = StandaloneClusterTest.shadedJar(root);
    try (StandaloneCluster cluster = StandaloneCluster.start(root, tmp.resolve("cluster"), 2)) {
      String out = tmp.resolve("cluster-out").toString();
      drive("cluster", cluster.url(), config("cluster", tmp.resolve("corpus"), out, NAMES), LANGUAGES, NAMES,
          "spark.jars=" + jar, "spark.executor.memory=1g", "spark.driver.host=127.0.0.1",
          "spark.driver.bindAddress=127.0.0.1", "spark.executorEnv.DJL_OFFLINE=true");
      Set<String> compared = TableAssertions.assertSameOutputs(spark, localOutput, out,
          TableAssertions.TIMING_COLUMNS);
      assertTrue(compared.containsAll(Set.of("documents", "doc_tokens", "compression", "coverage", "fairness")),
          compared.toString());
    }
  }
}
