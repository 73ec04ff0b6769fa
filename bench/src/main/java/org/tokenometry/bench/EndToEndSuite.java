package org.tokenometry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * {@code scripts/bench --flores}: the pipeline as a user runs it, against its engines alone, in one run.
 * <ol>
 *   <li>Raw engines over the same documents: every registry tokenizer file on its registry engine, one thread,
 *   one pass over every FLORES-200 line (dev + devtest) and every domain corpus file, after a short warm-up; the
 *   sum of their CPU seconds is what the engines need, and that sum over the machine's cores is the engine-only
 *   bound on a run's wall time.</li>
 *   <li>{@code scripts/tokenometry run conf/flores.yaml} in a child process, as a user runs it (JVM and Spark
 *   start, ingest, tokenize, report): wall time, CPU time and the manifest's stage times.</li>
 *   <li>The tokenize stage alone, cold, on that run's documents: with the registry's engines (its process CPU
 *   against the raw engines' sum) and with the reference engine for every file.</li>
 *   <li>A long document: FLORES lines, every language, joined into one 50 MB document (file mode), tokenized by
 *   every tokenizer in a 1 GiB JVM, against the same lines as one-line documents: CPU seconds per MB.</li>
 *   <li>The sample run and {@code tokenizers list}, as a user types them.</li>
 * </ol>
 */
final class EndToEndSuite {
  static final long LONG_DOCUMENT_BYTES = 50_000_000;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final Path home;
  private final BenchCorpora corpora;
  private final TokenizerRegistry registry;
  private final SparkSuite spark;
  private final Path work;

  EndToEndSuite(Path home, BenchCorpora corpora, TokenizerRegistry registry, SparkSuite spark, Path work) {
    this.home = home;
    this.corpora = corpora;
    this.registry = registry;
    this.spark = spark;
    this.work = work;
  }

  Map<String, Object> run(List<String> all) throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    System.err.println("raw engines over FLORES-200 dev + devtest and the domain corpora, one thread");
    List<Map<String, Object>> raw = rawEngines(all);
    result.put("raw_engines", raw);
    double rawCpu = raw.stream().mapToDouble(r -> ((Number) r.get("cpu_seconds")).doubleValue()).sum();
    int cores = Runtime.getRuntime().availableProcessors();
    result.put("raw_engines_cpu_seconds", EngineBench.round(rawCpu));
    result.put("engine_bound_seconds", EngineBench.round(rawCpu / cores));

    System.err.println("scripts/tokenometry run conf/flores.yaml, as a user runs it");
    Path runOut = work.resolve("flores-run");
    Map<String, Object> user = command("flores-run", List.of("scripts/tokenometry", "run", floresConfig().toString(),
        "--output", runOut.toString(), "-q"));
    user.put("stages", stageSeconds(runOut));
    result.put("user_run", user);

    SparkSuite.Corpus documents = new SparkSuite.Corpus("flores-and-domain", runOut);
    List<Map<String, Object>> runs = new ArrayList<>();
    Map<String, Object> reg = spark.tokenizeCold("registry-engines", documents, "local[*]", all, "registry");
    reg.put("engines", "each tokenizer's registry engine");
    runs.add(reg);
    Map<String, Object> hf = spark.tokenizeCold("reference-engine", documents, "local[*]", all, "hf");
    hf.put("engines", "hf for every file");
    runs.add(hf);

    System.err.println("a 50 MB document against the same lines as documents, 1 GiB JVMs");
    Path longDir = work.resolve("long-document");
    Path linesDir = work.resolve("long-document-lines");
    writeLongDocument(longDir.resolve("book.txt"), linesDir.resolve("lines.txt"));
    spark.childHeap("-Xmx1g");
    Map<String, Object> longDoc = spark.tokenizeCold("long-document-1gib", spark.prepareText("long", longDir, "file",
        "mul"), "local[2]", all, "registry");
    Map<String, Object> lines = spark.tokenizeCold("same-lines-1gib", spark.prepareText("lines", linesDir, "line",
        "mul"), "local[2]", all, "registry");
    spark.childHeap("-Xmx2g");
    longDoc.put("engines", "registry; one document of " + longDoc.get("document_bytes") + " bytes");
    lines.put("engines", "registry; the same text, one document a line");
    runs.add(longDoc);
    runs.add(lines);
    result.put("runs", runs);

    System.err.println("the sample run and tokenizers list");
    result.put("sample_run", command("sample-run", List.of("scripts/tokenometry", "run", "--output",
        work.resolve("sample-run").toString(), "-q")));
    result.put("tokenizers_list", command("tokenizers-list", List.of("scripts/tokenometry", "tokenizers", "list")));
    result.put("targets", targets(result, reg, hf, longDoc, lines, cores));
    result.put("cost_model", costModel(reg, all.size()));
    return result;
  }

  /**
   * conf/flores.yaml as it is, reading the bench's reference data (the same folder when --data is the default
   * ../shared/data), with the tokenizer and word-list registries beside the project's configs.
   */
  private Path floresConfig() throws IOException {
    String yaml = Files.readString(home.resolve("conf/flores.yaml"))
        .replace("../../shared/data", corpora.data().toString())
        .replace("\ntokenize:\n", "\ntokenize:\n  lexicon_registry: " + home.resolve("conf/lexicons.yaml") + "\n");
    Path f = work.resolve("flores.yaml");
    Files.writeString(f, yaml + "\ntokenizer_registry: " + home.resolve("conf/tokenizers.yaml") + "\n");
    return f;
  }

  /** One timed pass of each tokenizer file's registry engine over every FLORES line and domain file. */
  private List<Map<String, Object>> rawEngines(List<String> all) {
    List<String> docs = new ArrayList<>();
    for (String split : List.of("dev", "devtest")) {
      corpora.floresFiles(split).forEach(f -> docs.addAll(BenchCorpora.read(f)));
    }
    corpora.domainFiles().forEach(f -> docs.add(String.join("\n", BenchCorpora.read(f))));
    long bytes = BenchCorpora.utf8Bytes(docs);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String name : all) {
      TokenizerRegistry.Resolved r = registry.resolve(name);
      if (r.file() == null) {
        continue; // baselines are part of the pass, not engines
      }
      Tokenizer t = TokenizerRegistry.open(r);
      long warmUntil = System.nanoTime() + 2_000_000_000L;
      for (int i = 0; System.nanoTime() < warmUntil; i = (i + 997) % docs.size()) {
        t.encode(docs.get(i));
      }
      long c0 = CPU.getCurrentThreadCpuTime();
      long tokens = 0;
      for (String d : docs) {
        tokens += t.encode(d).size();
      }
      double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("tokenizer", name);
      row.put("engine", r.type());
      row.put("documents", docs.size());
      row.put("bytes", bytes);
      row.put("tokens", tokens);
      row.put("cpu_seconds", EngineBench.round(cpu));
      row.put("cpu_mb_per_s", EngineBench.round(bytes / 1e6 / cpu));
      System.err.printf("  raw %-14s %-5s %7.2f CPU-s, %6.2f MB/s%n", name, r.type(), cpu, bytes / 1e6 / cpu);
      rows.add(row);
    }
    return rows;
  }

  /** FLORES lines of every language (dev, then devtest) up to 50 MB: one file as a document, one as lines. */
  private void writeLongDocument(Path document, Path lines) throws IOException {
    Files.createDirectories(document.getParent());
    Files.createDirectories(lines.getParent());
    long written = 0;
    try (BufferedWriter a = Files.newBufferedWriter(document, StandardCharsets.UTF_8);
        BufferedWriter b = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
      outer:
      for (String split : List.of("dev", "devtest")) {
        for (Path f : corpora.floresFiles(split)) {
          for (String line : BenchCorpora.read(f)) {
            long n = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (written + n > LONG_DOCUMENT_BYTES) {
              break outer;
            }
            a.write(line);
            a.write('\n');
            b.write(line);
            b.write('\n');
            written += n;
          }
        }
      }
    }
  }

  /** Runs a project command from the project root: wall seconds and the process's CPU seconds (sampled). */
  private Map<String, Object> command(String label, List<String> cmd) throws Exception {
    Path log = work.resolve("logs").resolve(label + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    Duration cpu = Duration.ZERO;
    while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
      Duration now = Duration.ZERO;
      for (ProcessHandle h : (Iterable<ProcessHandle>) () -> java.util.stream.Stream.concat(
          java.util.stream.Stream.of(p.toHandle()), p.descendants()).iterator()) {
        now = now.plus(h.info().totalCpuDuration().orElse(Duration.ZERO));
      }
      cpu = now.compareTo(cpu) > 0 ? now : cpu;
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + "; log " + log);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", String.join(" ", cmd));
    m.put("seconds", EngineBench.round(wall));
    m.put("cpu_seconds_sampled", EngineBench.round(cpu.toMillis() / 1e3));
    System.err.printf("  %-16s %7.1f s wall, ~%.1f CPU-s%n", label, wall, cpu.toMillis() / 1e3);
    return m;
  }

  /** The manifest's seconds per stage. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> stageSeconds(Path output) throws IOException {
    Map<String, Object> manifest = new ObjectMapper().readValue(output.resolve("_manifest.json").toFile(), Map.class);
    Map<String, Object> out = new LinkedHashMap<>();
    ((Map<String, Object>) manifest.getOrDefault("stages", Map.of())).forEach((stage, v) -> {
      Object s = v instanceof Map<?, ?> m ? m.get("seconds") : null;
      out.put(stage, s);
    });
    return out;
  }

  private static double num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  private List<Map<String, Object>> targets(Map<String, Object> r, Map<String, Object> reg, Map<String, Object> hf,
      Map<String, Object> longDoc, Map<String, Object> lines, int cores) {
    List<Map<String, Object>> t = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> user = (Map<String, Object>) r.get("user_run");
    double bound = ((Number) r.get("engine_bound_seconds")).doubleValue();
    double rawCpu = ((Number) r.get("raw_engines_cpu_seconds")).doubleValue();
    t.add(target("end to end", "scripts/tokenometry run conf/flores.yaml, wall s (idle machine)",
        num(user, "seconds"), "<=", 30));
    t.add(target("end to end", "that run / engine-only bound (raw engines' CPU over " + cores + " cores)",
        num(user, "seconds") / bound, "<=", 1.75));
    t.add(target("pass", "tokenize stage process CPU / raw engines' CPU over the same documents",
        num(reg, "process_cpu_seconds") / rawCpu, "<=", 1.5));
    t.add(target("pass", "tokenize stage wall s, reference engine / registry engines", num(hf, "seconds")
        / num(reg, "seconds"), ">=", 10));
    t.add(target("long document", "CPU s per MB, one 50 MB document / the same lines as documents (1 GiB heap)",
        (num(longDoc, "process_cpu_seconds") / num(longDoc, "document_bytes"))
            / (num(lines, "process_cpu_seconds") / num(lines, "document_bytes")), "<=", 1.1));
    t.add(target("long document", "peak heap MB, 50 MB document, every tokenizer (JVM of 1024 MB)",
        num(longDoc, "heap_peak_sampled_bytes") / (1 << 20), "<=", 1024));
    @SuppressWarnings("unchecked")
    Map<String, Object> sample = (Map<String, Object>) r.get("sample_run");
    @SuppressWarnings("unchecked")
    Map<String, Object> list = (Map<String, Object>) r.get("tokenizers_list");
    t.add(target("commands", "scripts/tokenometry run (the sample), wall s after the build", num(sample, "seconds"),
        "<=", 20));
    t.add(target("commands", "scripts/tokenometry tokenizers list, wall s", num(list, "seconds"), "<=", 2));
    return t;
  }

  static Map<String, Object> target(String group, String name, double value, String op, double goal) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("group", group);
    t.put("target", name);
    t.put("value", EngineBench.round(value));
    t.put("goal", op + " " + goal);
    t.put("met", op.equals("<=") ? value <= goal : value >= goal);
    return t;
  }

  /**
   * Sizing from this run's measured throughput: the registry run's tokenize stage, process CPU per MB per
   * tokenizer (its fixed cost included, so an upper bound), scaled to a terabyte.
   */
  private static Map<String, Object> costModel(Map<String, Object> reg, int tokenizers) {
    double cpuPerMbPerTokenizer = num(reg, "process_cpu_seconds") / (num(reg, "document_bytes") / 1e6) / tokenizers;
    double cpuHoursPerTbPerTokenizer = cpuPerMbPerTokenizer * 1e6 / 3600;
    double coresForOneHour = cpuHoursPerTbPerTokenizer * 15;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpu_seconds_per_mb_per_tokenizer", EngineBench.round(cpuPerMbPerTokenizer));
    m.put("cpu_hours_per_tb_per_tokenizer", EngineBench.round(cpuHoursPerTbPerTokenizer));
    m.put("cores_for_1tb_x_15_tokenizers_in_one_hour", Math.ceil(coresForOneHour));
    m.put("executors_of_4_cores", Math.ceil(coresForOneHour / 4));
    return m;
  }
}
