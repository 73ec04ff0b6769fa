package org.tokenometry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parts 2 and 3: the real tokenize stage ({@code Pipeline} with {@code stages: [tokenize]} on a documents table
 * prepared once by the real ingest stage), each point in a fresh child JVM: local[1] vs local[2], corpus size
 * 1x/2x/4x (documents replicated), tokenizer count 1/4/all.
 */
final class SparkSuite {
  /** What the child JVMs need: java binary, classpath, JVM flags, project root (for conf/). */
  record Child(String java, String classpath, List<String> jvmOptions, Path home) {}

  private final Child child;
  private final Path work;
  private final int runs;
  private final double warmupSeconds;
  private final ObjectMapper json = new ObjectMapper();
  private double lastWarmupSeconds = Double.NaN;
  /** The child JVMs' heap ({@code -Xmx}); the long-document points run in 1 GiB. */
  private String childHeap = "-Xmx2g";
  /** Spark settings for the next child JVMs, as system properties (SparkConf reads {@code spark.*} ones). */
  private final List<String> childSparkConf = new ArrayList<>();

  /**
   * @param runs measured runs per tokenize point (after the warm-up; the point reports their median)
   * @param warmupSeconds how long each point warms up on itself (at least one run)
   */
  SparkSuite(Child child, Path work, int runs, double warmupSeconds) {
    this.child = child;
    this.work = work;
    this.runs = runs;
    this.warmupSeconds = warmupSeconds;
  }

  SparkSuite(Child child, Path work) {
    this(child, work, 1, 0);
  }

  /** A prepared corpus: its documents table lives in {@code output}. */
  record Corpus(String name, Path output) {}

  /** Writes the text files and runs ingest for each corpus in one child JVM. */
  List<Corpus> prepare(Map<String, Map<String, List<String>>> corpora) throws IOException {
    List<Corpus> out = new ArrayList<>();
    List<String> configs = new ArrayList<>();
    for (var c : corpora.entrySet()) {
      Path dir = work.resolve("text").resolve(c.getKey());
      Files.createDirectories(dir);
      for (var lang : c.getValue().entrySet()) {
        Files.write(dir.resolve(lang.getKey() + ".txt"), lang.getValue(), StandardCharsets.UTF_8);
      }
      Path output = work.resolve("tables").resolve(c.getKey());
      // parallel (line i of each language file is one parallel id) only with several languages: an English-only
      // corpus has no translations, so its run has no premium join, as a user's English corpus would not
      configs.add(config(c.getKey() + "-ingest", output, List.of("ingest"), List.of("utf8_bytes"), List.of(dir), null,
          c.getValue().size() > 1).toString());
      out.add(new Corpus(c.getKey(), output));
    }
    List<String> args = new ArrayList<>(List.of("local[2]"));
    args.addAll(configs);
    runChild(args);
    return out;
  }

  /**
   * One tokenize point in its own JVM: runs on the same table and tokenizers for {@code warmupSeconds} (the
   * warm-up: class loading, tokenizer loading, JIT and Spark's code generation, as the raw engines are measured
   * after theirs), then {@code runs} measured runs, reported as their median.
   */
  Map<String, Object> tokenize(String label, Corpus corpus, String master, List<String> tokenizers)
      throws IOException {
    return tokenize(label, corpus, master, tokenizers, null);
  }

  /** As above, with {@code tokenize.engine} set ({@code "hf"}: the reference engine for every file). */
  Map<String, Object> tokenize(String label, Corpus corpus, String master, List<String> tokenizers, String engine)
      throws IOException {
    Path cfg = config(label, corpus.output(), List.of("tokenize"), tokenizers, List.of(), engine, false);
    List<String> args = new ArrayList<>(List.of(master, "--warmup", cfg.toString(), Double.toString(warmupSeconds)));
    for (int i = 0; i < runs; i++) {
      args.add(cfg.toString());
    }
    // warming up on a small English table left the JIT compiling through the measured runs (its compiler threads
    // used more CPU than the task on the multilingual table, whose non-ASCII paths the warm-up never ran), so
    // the warm-up is the point itself, repeated for warmupSeconds; the median of the runs absorbs what is left
    List<Map<String, Object>> points = runChild(args);
    List<Double> seconds = points.stream().map(q -> ((Number) q.get("seconds")).doubleValue()).toList();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("label", label);
    p.put("corpus", corpus.name());
    p.put("engine", engine == null ? "registry" : engine);
    p.putAll(points.get(points.size() - 1)); // memory figures are cumulative: the last run's cover all
    p.put("seconds", EngineBench.stats(seconds).get("median"));
    p.put("runs_seconds", seconds);
    p.put("process_cpu_seconds", EngineBench.stats(points.stream()
        .map(q -> ((Number) q.get("process_cpu_seconds")).doubleValue()).toList()).get("median"));
    p.put("warmup_seconds", lastWarmupSeconds);
    double mb = ((Number) p.get("document_bytes")).doubleValue() / 1e6;
    p.put("mb_per_s", EngineBench.round(mb / ((Number) p.get("seconds")).doubleValue()));
    System.err.printf("  stage  %-26s %-8s %2d tokenizers: %7.2f s (cold %.1f s), %6.2f MB/s, heap peak %4d MB, VmHWM %4d MB%n",
        label, master, tokenizers.size(), ((Number) p.get("seconds")).doubleValue(), lastWarmupSeconds, (Double) p.get("mb_per_s"),
        ((Number) p.get("heap_peak_sampled_bytes")).longValue() >> 20, ((Number) p.get("vm_hwm_bytes")).longValue() >> 20);
    return p;
  }

  /** Spark settings for the next child JVMs ({@code key=value}; none clears them). */
  void childSparkConf(List<String> settings) {
    childSparkConf.clear();
    settings.forEach(kv -> childSparkConf.add("-D" + kv));
  }

  /** The next child JVMs' heap, e.g. {@code -Xmx1g}. */
  void childHeap(String xmx) {
    childHeap = xmx;
  }

  /**
   * Ingests the files of {@code dir} in {@code mode} ("line" or "file") as one corpus of language {@code lang}, in
   * one child JVM (the long-document points: one 50 MB document, and the same lines as documents).
   */
  Corpus prepareText(String name, Path dir, String mode, String lang) throws IOException {
    Path output = work.resolve("tables").resolve(name);
    Path cfg = config(name + "-ingest", output, List.of("ingest"), List.of("utf8_bytes"), List.of(), null, false);
    Files.writeString(cfg, Files.readString(cfg) + "corpora:\n  - name: " + name + "\n    paths: [" + quote(dir.toString())
        + "]\n    mode: " + mode + "\n    lang: " + lang + "\n    domain: general\n");
    runChild(List.of("local[2]", cfg.toString()));
    return new Corpus(name, output);
  }

  /** Ingests FLORES-200 (dev and devtest, read in place) into its own documents table, in one child JVM. */
  Corpus prepareFlores(List<Path> splits) throws IOException {
    Path output = work.resolve("tables").resolve("flores200");
    runChild(List.of("local[2]", config("flores200-ingest", output, List.of("ingest"), List.of("utf8_bytes"), splits,
        null, true).toString()));
    return new Corpus("flores200", output);
  }

  /**
   * The tokenize stage as a user runs it (cold: a fresh JVM, no warm-up), with every tokenizer's registry
   * engine or ({@code engine = "hf"}) the reference engine for all. {@code jvm_seconds} includes JVM start-up.
   */
  Map<String, Object> tokenizeCold(String label, Corpus corpus, String master, List<String> tokenizers,
      String engine) throws IOException {
    Path cfg = config(label, corpus.output(), List.of("tokenize"), tokenizers, List.of(), engine, false);
    long t0 = System.nanoTime();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("label", label);
    p.put("corpus", corpus.name());
    p.put("engine", engine);
    p.putAll(runChild(List.of(master, cfg.toString())).get(0));
    p.put("jvm_seconds", EngineBench.round((System.nanoTime() - t0) / 1e9));
    double mb = ((Number) p.get("document_bytes")).doubleValue() / 1e6;
    p.put("mb_per_s", EngineBench.round(mb / ((Number) p.get("seconds")).doubleValue()));
    System.err.printf("  flores %-26s engine %-8s %2d tokenizers: stage %7.1f s (JVM %.1f s)%n", label, engine,
        tokenizers.size(), ((Number) p.get("seconds")).doubleValue(), ((Number) p.get("jvm_seconds")).doubleValue());
    return p;
  }

  private Path config(String label, Path output, List<String> stages, List<String> tokenizers, List<Path> textDirs,
      String engine, boolean parallel) throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("output: ").append(quote(output.toString())).append('\n');
    y.append("stages: [").append(String.join(", ", stages)).append("]\n");
    y.append("tokenizer_registry: ").append(quote(child.home().resolve("conf/tokenizers.yaml").toString())).append('\n');
    y.append("tokenizers: [").append(String.join(", ", tokenizers)).append("]\n");
    y.append("tokenize:\n  pivot_lang: eng_Latn\n");
    if (engine != null) {
      y.append("  engine: ").append(engine).append('\n');
    }
    if (!textDirs.isEmpty()) {
      y.append("corpora:\n  - name: bench\n    paths: [")
          .append(String.join(", ", textDirs.stream().map(d -> quote(d.toString())).toList())).append("]\n")
          .append("    mode: line\n    lang_from: filename\n    parallel: ").append(parallel)
          .append("\n    domain: general\n");
    }
    Path f = work.resolve("configs").resolve(label + ".yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, y.toString());
    return f;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Runs SparkPoint in a fresh JVM; its stderr goes to a log file, its BENCH_POINT lines are the result. */
  private List<Map<String, Object>> runChild(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(child.java());
    cmd.add(childHeap);
    cmd.addAll(childSparkConf);
    cmd.addAll(child.jvmOptions());
    cmd.add("-Dlog4j2.configurationFile=" + child.home().resolve("conf/log4j2.properties"));
    cmd.add("-cp");
    cmd.add(child.classpath());
    cmd.add(SparkPoint.class.getName());
    cmd.addAll(args);
    Path log = work.resolve("logs").resolve("child-" + System.nanoTime() + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
    pb.environment().put("DJL_OFFLINE", "true");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    List<Map<String, Object>> points = new ArrayList<>();
    int expected = args.size() - 1 - (args.contains("--warmup") ? 3 : 0);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("BENCH_POINT ")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> point = json.readValue(line.substring(12), Map.class);
          points.add(point);
        } else if (line.startsWith("BENCH_WARMUP ")) {
          lastWarmupSeconds = ((Number) json.readValue(line.substring(13), Map.class).get("seconds")).doubleValue();
        }
      }
    }
    int rc;
    try {
      rc = p.waitFor();
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (rc != 0 || points.size() != expected) {
      List<String> tail = Files.readAllLines(log);
      throw new UncheckedIOException(new IOException("child JVM " + args + " failed (exit " + rc + "); last lines of "
          + log + ":\n  " + String.join("\n  ", tail.subList(Math.max(0, tail.size() - 30), tail.size()))));
    }
    return points;
  }
}
