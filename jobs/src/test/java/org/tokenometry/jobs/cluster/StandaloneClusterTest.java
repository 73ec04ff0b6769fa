package org.tokenometry.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.testing.SparkTest;
import org.tokenometry.udfs.tokenizers.HfTokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerFiles;

/**
 * The pipeline on a real Spark standalone cluster (Master + 2 Workers, each its own JVM, executors launched by the
 * Workers), submitted with scripts/submit (SparkSubmit + the shaded jar), against the same run in local mode.
 * Needs the shaded jar: {@code mvn -DskipTests package} first (scripts/test does).
 */
@Tag("integration")
class StandaloneClusterTest extends SparkTest {
  static final String TOKENIZER = "gpt35turbo";
  /** Columns that say where a row was computed (pid, file path, env), not what it is. */
  static final Set<String> WHERE = Set.of("tokenizer_file", "djl_offline", "djl_cache_dir", "glibc", "pid");
  /** Hand-written lines in several scripts; "hello world" is [15339, 1917] in cl100k_base. */
  static final List<String> LINES = List.of(
      "hello world",
      "The quick brown fox jumps over the lazy dog.",
      "Tokenizers split text into pieces; some languages pay more tokens than others.",
      "Die Straßenbahn fährt über die Brücke nach Köln.",
      "भारत एक विशाल देश है।",
      "东京是日本的首都。",
      "Ünïcödé, emoji 🙂 and tabs\tin one line",
      "SELECT count(*) FROM documents WHERE lang = 'eng_Latn';");

  @TempDir
  static Path tmp;
  static Path projectRoot;
  static Path jobJar;
  static Path probeJar;
  static StandaloneCluster cluster;
  static String localOutput;

  @BeforeAll
  static void startCluster() throws Exception {
    projectRoot = ReferenceData.projectRoot();
    jobJar = shadedJar(projectRoot);
    probeJar = probeJar(tmp.resolve("probe.jar"));
    Path tokenizer = TokenizerFiles.cached(TOKENIZER);
    assertTrue(Files.isRegularFile(tokenizer), tokenizer + " missing: run scripts/fetch-tokenizers");
    writeCorpus(tmp.resolve("corpus"));
    cluster = StandaloneCluster.start(projectRoot, tmp.resolve("cluster"), 2);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void probeOnTheClusterEqualsLocalModeAndRunsOnShippedFiles() throws Exception {
    String out = tmp.resolve("cluster-out").toString();
    submit(probeConfig("probe.yaml", tmp.resolve("corpus") + "/*.txt"), out, "cluster-run.log", 500, "");
    Set<String> compared = TableAssertions.assertSameOutputs(spark, localRun(), out, WHERE);
    assertEquals(Set.of("probe_tokens", "probe_summary"), compared);

    List<Row> rows = spark.read().parquet(out + "/probe_tokens").collectAsList();
    assertEquals(LINES.size() * 2, rows.size()); // two files, every line once each
    try (HfTokenizer direct = HfTokenizer.load(TOKENIZER, TokenizerFiles.cached(TOKENIZER))) {
      for (Row r : rows) {
        String sha = r.getAs("line_sha");
        String line = LINES.stream().filter(l -> sha256(l).equals(sha)).findFirst().orElseThrow();
        assertEquals(direct.encode(line).size(), (int) r.getAs("n_tokens"), line);
        assertEquals(line.length(), (int) r.getAs("n_chars"), line);
        if (line.equals("hello world")) {
          assertEquals(2, (int) r.getAs("n_tokens"));
          assertEquals(15339L + 1917L, (long) r.getAs("id_sum"));
        }
        // executors loaded the tokenizer scripts/submit shipped (--files), with DJL offline and its own cache dir
        String file = r.getAs("tokenizer_file");
        // SparkFiles root: the executor's working dir on standalone (…/work/app-…/<id>/), never the local cache
        assertTrue(file.endsWith("/" + TOKENIZER + ".tokenizer.json") && file.contains("/app-"), file);
        assertEquals("true", r.getAs("djl_offline"));
        assertEquals("djl-cache", r.getAs("djl_cache_dir"));
      }
    }
    // two executor JVMs did the work, and DJL unpacked its native library under their working directories
    assertEquals(2, rows.stream().map(r -> (long) r.getAs("pid")).distinct().count());
    try (Stream<Path> s = Files.walk(cluster.state().resolve("work"))) {
      long libs = s.filter(p -> p.getFileName().toString().equals("libtokenizers.so")
          && p.toString().contains("/djl-cache/")).count();
      assertTrue(libs >= 2, "libtokenizers.so under <executor dir>/djl-cache: " + libs);
    }
  }

  @Test
  void killingAnExecutorDuringTokenizeStillGivesTheSameTables() throws Exception {
    // the real ingest + tokenize stages; the driver's ExecutorKillListener SIGKILLs the executor running the
    // first task of the document pass, and logs what the scheduler saw
    Path config = tokenizeConfig("fault.yaml");
    String local = tmp.resolve("fault-local").toString();
    Pipeline.run(spark, ConfigLoader.load(config).withOutput(local), new Console(System.out, true));
    Path report = tmp.resolve("kill-report.tsv");
    String out = tmp.resolve("fault-out").toString();
    long t0 = System.nanoTime();
    Process p = startSubmit(config, out, "fault-run.log", List.of(
        // 8 tasks in the document pass (TokenizePass.spread) for 2 cores: some are still waiting at the kill
        "--conf", "spark.default.parallelism=8",
        "--conf", "spark.extraListeners=" + ExecutorKillListener.class.getName(),
        "--conf", ExecutorKillListener.REPORT + "=" + report));
    awaitSuccess(p, "fault-run.log", 10);
    double secs = (System.nanoTime() - t0) / 1e9;
    List<String[]> events = Files.readAllLines(report).stream().map(l -> l.split("\t", -1)).toList();
    System.out.printf("fault run: %.1f s; listener report:%n%s%n", secs, Files.readString(report));

    // the kill landed: on a live executor JVM of this application, in a stage running the document pass
    String[] kill = events.stream().filter(e -> e[0].equals("kill")).findFirst()
        .orElseThrow(() -> new AssertionError("no task of tokenize's document pass started: " + report));
    String victim = kill[1];
    long pid = Long.parseLong(kill[2]);
    assertTrue(pid > 0, "executor " + victim + "'s JVM not found on this machine");
    assertTrue(ProcessHandle.of(pid).isEmpty(), "executor JVM " + pid + " still alive");
    // its tasks of the pass failed because the executor was lost, and ran again elsewhere
    List<String[]> lost = events.stream().filter(e -> e[0].equals("task_failed") && e[4].equals(victim)
        && e[5].equals("true") && e[6].contains("ExecutorLostFailure")).toList();
    assertFalse(lost.isEmpty(), "no tokenize task failed on the killed executor " + victim);
    for (String[] f : lost) {
      assertTrue(events.stream().anyMatch(e -> e[0].equals("task_ok") && e[1].equals(f[1])
          && e[3].equals(f[3]) && !e[4].equals(victim)), "partition " + f[3] + " of stage " + f[1] + " never redone");
    }
    assertTrue(events.stream().anyMatch(e -> e[0].equals("executor_removed") && e[1].equals(victim)),
        "executor " + victim + " was never removed");
    // the pass was still running at the kill: it completed afterwards (the listener logs events in order)
    int killAt = events.indexOf(kill);
    long passDone = events.stream().filter(e -> e[0].equals("stage_completed") && e[1].equals(kill[3])
        && e[3].equals("true")).mapToLong(e -> events.indexOf(e)).max().orElse(-1);
    assertTrue(passDone > killAt, "stage " + kill[3] + " completed before the kill");
    System.out.printf("killed executor %s (pid %d) at %s ms; pass stage %s completed at %s ms; %d tokenize task(s) "
        + "lost with it; %d failed tasks in all (%d FetchFailed); %d stage re-attempts; %d executors added, "
        + "%d removed%n", victim, pid, last(kill), kill[3], last(events.get((int) passDone)), lost.size(),
        events.stream().filter(e -> e[0].equals("task_failed")).count(),
        events.stream().filter(e -> e[0].equals("task_failed") && e[6].startsWith("FetchFailed")).count(),
        events.stream().filter(e -> e[0].equals("stage_submitted") && !e[2].equals("0")).count(),
        events.stream().filter(e -> e[0].equals("executor_added")).count(),
        events.stream().filter(e -> e[0].equals("executor_removed")).count());

    // and every table equals the undisturbed local run's: lost shuffle files were recomputed, and the failed
    // tasks' group aggregates were not counted twice (a partition's side file is renamed into place once)
    Set<String> compared = TableAssertions.assertSameOutputs(spark, local, out, TableAssertions.TIMING_COLUMNS);
    assertEquals(Set.of("documents", "rejects", "doc_tokens", "compression", "coverage", "fairness",
        "vocab_profile", "roundtrip", "robustness", "numbers", "vocab_tokens", "vocab_health"), compared);
    assertEquals(N_FAULT_TOKENIZERS * spark.read().parquet(local + "/documents").count(),
        spark.read().parquet(out + "/doc_tokens").count());
  }

  @Test
  void readsFromAndWritesToHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
    MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      hdfs.waitActive();
      String base = "hdfs://127.0.0.1:" + hdfs.getNameNodePort();
      FileSystem fs = FileSystem.get(java.net.URI.create(base), conf);
      try (Stream<Path> files = Files.list(tmp.resolve("corpus"))) {
        for (Path f : files.toList()) {
          fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(f.toString()),
              new org.apache.hadoop.fs.Path(base + "/corpus/" + f.getFileName()));
        }
      }
      String out = base + "/out";
      submit(probeConfig("hdfs.yaml", base + "/corpus/*.txt"), out, "hdfs-run.log", 0, "");
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out + "/_manifest.json")));
      // read back over HDFS in this JVM: Spark's hadoop-client-api/runtime beside the minicluster jar
      TableAssertions.assertSameOutputs(spark, localRun(), out, WHERE);
      String manifest = new String(fs.open(new org.apache.hadoop.fs.Path(out + "/_manifest.json")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertTrue(manifest.contains("\"status\" : \"complete\""), manifest);
    } finally {
      hdfs.shutdown();
    }
  }

  @Test
  void sampleConfigOnTheClusterEqualsLocalMode() throws Exception {
    Path sample = projectRoot.resolve("conf/sample.yaml");
    assertTrue(Files.isRegularFile(sample), sample + " missing");
    String local = tmp.resolve("sample-local").toString();
    PipelineConfig c = ConfigLoader.load(sample).withOutput(local);
    Pipeline.run(spark, c, new Console(System.out, true));
    String out = tmp.resolve("sample-cluster").toString();
    submit(sample, out, "sample-run.log", 0, "");
    Set<String> compared = TableAssertions.assertSameOutputs(spark, local, out, TableAssertions.TIMING_COLUMNS);
    // every stage's tables, the report aside: documents, rejects, the tokenize tables, questions, retrieval
    assertTrue(compared.containsAll(Set.of("documents", "rejects", "doc_tokens", "compression", "coverage",
        "fairness", "vocab_profile", "questions", "retrieval", "retrieval_questions")), compared.toString());
  }

  // --- helpers -------------------------------------------------------------------------------------------

  /** The local-mode reference run of the probe config, in this JVM (computed once). */
  static synchronized String localRun() throws Exception {
    if (localOutput == null) {
      String out = tmp.resolve("local-out").toString();
      PipelineConfig c = ConfigLoader.load(probeConfig("local.yaml", tmp.resolve("corpus") + "/*.txt"))
          .withOutput(out);
      Pipeline.run(spark, c, new Console(System.out, true));
      localOutput = out;
    }
    return localOutput;
  }

  static void writeCorpus(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("a.txt"), LINES, StandardCharsets.UTF_8);
    List<String> reversed = new ArrayList<>(LINES);
    java.util.Collections.reverse(reversed);
    Files.write(dir.resolve("b.txt"), reversed, StandardCharsets.UTF_8);
  }

  static Path probeConfig(String file, String paths) throws IOException {
    Path p = tmp.resolve(file);
    Files.writeString(p, String.join("\n",
        "output: " + tmp.resolve("unused-output"),
        "stages: [cluster_probe]",
        "tokenizers: [" + TOKENIZER + "]",
        "corpora:",
        "  - name: probe",
        "    mode: line",
        "    paths: ['" + paths + "']",
        ""));
    return p;
  }

  /** Tokenizers of the fault run: the Java engine (BPE), the DJL engine (SentencePiece BPE, WordPiece), a baseline. */
  static final List<String> FAULT_TOKENIZERS = List.of("gpt35turbo", "llama2", "minilm", "chars");
  static final int N_FAULT_TOKENIZERS = FAULT_TOKENIZERS.size();

  /** The real ingest + tokenize stages over the bundled sample corpora (parallel sentences, domain documents). */
  static Path tokenizeConfig(String file) throws IOException {
    Path samples = projectRoot.resolve("sample-data");
    Path p = tmp.resolve(file);
    Files.writeString(p, String.join("\n",
        "output: " + tmp.resolve("unused-output"),
        "stages: [ingest, tokenize]",
        "tokenizer_registry: " + projectRoot.resolve("conf/tokenizers.yaml"),
        "tokenizers: [" + String.join(", ", FAULT_TOKENIZERS) + "]",
        "corpora:",
        "  - {name: parallel, paths: ['" + samples.resolve("parallel/dev") + "'], mode: line, lang_from: filename,"
            + " parallel: true, domain: general}",
        "  - {name: domain, paths: ['" + samples.resolve("domain") + "/*.md'], mode: file, lang: eng_Latn}",
        ""));
    return p;
  }

  void submit(Path config, String output, String logName, long sleepMs, String markerDir) throws Exception {
    awaitSuccess(startSubmit(config, output, logName, sleepMs, markerDir), logName, 15);
  }

  /** Waits for a submit to exit 0; on timeout stops it (driver JVM included), so no orphan outlives the test. */
  static void awaitSuccess(Process p, String logName, int minutes) throws InterruptedException {
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("submit did not finish in " + minutes + " min:\n" + log(logName));
    }
    assertEquals(0, p.exitValue(), "submit failed:\n" + log(logName));
  }

  Process startSubmit(Path config, String output, String logName, long sleepMs, String markerDir) throws IOException {
    return startSubmit(config, output, logName, List.of(
        "--conf", "spark.tokenometry.probe.sleepMs=" + sleepMs,
        "--conf", "spark.tokenometry.probe.markerDir=" + markerDir));
  }

  Process startSubmit(Path config, String output, String logName, List<String> conf) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("scripts/submit", "--jar", jobJar.toString(),
        "--master", cluster.url(), "--jars", probeJar.toString(),
        "--driver-memory", "1g", "--executor-memory", "640m", "--total-executor-cores", "2",
        // wait for both executors before scheduling, so both do work
        "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
        "--conf", "spark.scheduler.maxRegisteredResourcesWaitingTime=120s"));
    cmd.addAll(conf);
    cmd.addAll(List.of(config.toString(), "--output", output));
    return StandaloneCluster.Scripts.start(projectRoot, tmp.resolve("logs").resolve(logName),
        cmd.toArray(String[]::new));
  }

  private static String last(String[] fields) {
    return fields[fields.length - 1];
  }

  static String log(String name) {
    return StandaloneCluster.Scripts.tail(tmp.resolve("logs").resolve(name));
  }

  static Path shadedJar(Path root) throws IOException {
    Path target = root.resolve("jobs/target");
    Path jar;
    try (Stream<Path> s = Files.list(target)) {
      jar = s.filter(p -> p.getFileName().toString().matches("tokenometry-jobs-.*-all\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no shaded jar in " + target
              + "; build it first: mvn -B -DskipTests package (scripts/test does)"));
    }
    long jarTime = Files.getLastModifiedTime(jar).toMillis();
    for (String classes : List.of("jobs/target/classes", "udfs/target/classes")) {
      try (Stream<Path> s = Files.walk(root.resolve(classes))) {
        long newest = s.filter(p -> p.toString().endsWith(".class"))
            .mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
        assertTrue(newest <= jarTime + 1000, jar + " is older than " + classes
            + "; rebuild it: mvn -B -DskipTests package (scripts/test does)");
      }
    }
    return jar;
  }

  /**
   * A jar with the test's driver/executor extensions, shipped to the cluster with --jars: the probe stage and its
   * service entry, and the fault test's ExecutorKillListener (active only where spark.extraListeners names it).
   */
  static Path probeJar(Path jar) throws IOException {
    Path classes = Path.of(ClusterProbeStage.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> s = Files.walk(classes.resolve("org/tokenometry/jobs/cluster"))) {
      for (Path f : s.filter(p -> p.getFileName().toString().startsWith("ClusterProbeStage")
          || p.getFileName().toString().startsWith("ExecutorKillListener")).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString()));
        Files.copy(f, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/org.tokenometry.jobs.Stage"));
      out.write((ClusterProbeStage.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  static String sha256(String s) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
