package org.tokenometry.udfs.tokenizers.pure;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Single-thread throughput of the byte-level BPE engine on ALL of FLORES-200 (dev then devtest, files in sorted
 * order, as the tokenize stage sees them: one thread per variant, so one word cache, streams every line once),
 * and on the bench's multilingual mix (40 lines of each dev language, repeated passes). Not a test: run by hand.
 *
 * <p>To compare a change side by side within one run (the machine is shared, so numbers from different runs do
 * not compare), each variant is a directory of compiled udfs classes loaded by its own class loader, e.g. a copy
 * of {@code udfs/target/classes} taken before the change:
 * {@code java -cp <test classpath> ...FloresBpeThroughput --data /work/shared/data --variant base=/tmp/base
 * --variant new=udfs/target/classes --tokenizers gpt4o,llama3}. Rates are MB of UTF-8 input per CPU second of
 * the encoding thread. The word-cache hit rate and the share of pre-tokens longer than the cacheable length are
 * printed for variants that expose {@code JavaBpeTokenizer.cacheStats()}.
 */
public final class FloresBpeThroughput {
  private FloresBpeThroughput() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("../shared/data");
    List<String> names = List.of("gpt4o", "gpt35turbo", "llama3", "qwen3", "deepseek_v3", "claude");
    Map<String, Path> variants = new LinkedHashMap<>();
    int mixPasses = 10;
    boolean full = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--tokenizers" -> names = List.of(args[++i].split(","));
        case "--variant" -> {
          String[] kv = args[++i].split("=", 2);
          variants.put(kv[0], Path.of(kv[1]));
        }
        case "--mix-passes" -> mixPasses = Integer.parseInt(args[++i]);
        case "--no-full" -> full = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (variants.isEmpty()) {
      variants.put("current", Path.of("udfs/target/classes"));
    }
    List<List<String>> byFile = new ArrayList<>();
    List<String> all = new ArrayList<>();
    List<String> mix = new ArrayList<>();
    for (String split : new String[] {"dev", "devtest"}) {
      for (Path f : files(data.resolve("flores200").resolve(split), "." + split)) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        all.addAll(lines);
        byFile.add(lines);
        if (split.equals("dev")) { // BenchCorpora.multilingual(40)
          int step = Math.max(1, lines.size() / 40);
          for (int i = 0, n = 0; i < lines.size() && n < 40; i += step, n++) {
            mix.add(lines.get(i));
          }
        }
      }
    }
    long allBytes = utf8(all);
    long mixBytes = utf8(mix);
    System.out.printf("FLORES dev+devtest: %d lines, %.1f MB; multilingual mix: %d lines, %.2f MB%n", all.size(),
        allBytes / 1e6, mix.size(), mixBytes / 1e6);
    Map<String, ClassLoader> loaders = new LinkedHashMap<>();
    for (Map.Entry<String, Path> v : variants.entrySet()) {
      loaders.put(v.getKey(), loader(v.getValue()));
    }
    Path cache = Path.of(System.getProperty("user.home"), ".cache/tokenometry/tokenizers");
    for (String name : names) {
      Path file = cache.resolve(name).resolve("tokenizer.json");
      List<Engine> engines = new ArrayList<>();
      for (Map.Entry<String, ClassLoader> l : loaders.entrySet()) {
        engines.add(new Engine(l.getKey(), l.getValue(), name, file));
      }
      // One single-thread executor per variant, so each keeps one thread and one word cache for the whole run,
      // as a Spark task thread does. Variants take turns on every batch (order rotating), so a change in the
      // machine's load during the run hits all of them alike.
      List<ExecutorService> threads = new ArrayList<>();
      for (int i = 0; i < engines.size(); i++) {
        threads.add(Executors.newSingleThreadExecutor());
      }
      for (int i = 0; i < engines.size(); i++) { // JIT warm-up on the mix, then measured passes of it
        Engine e = engines.get(i);
        threads.get(i).submit(() -> cpuNanos(e, mix, 3)).get();
      }
      long[] mixNs = new long[engines.size()];
      for (int p = 0; p < mixPasses; p++) {
        for (int k = 0; k < engines.size(); k++) {
          int i = (k + p) % engines.size();
          Engine e = engines.get(i);
          mixNs[i] += threads.get(i).submit(() -> cpuNanos(e, mix, 1)).get();
        }
      }
      for (int i = 0; i < engines.size(); i++) {
        System.out.printf("%-11s %-8s mix  %6.1f MB/s%n", name, engines.get(i).variant,
            mixPasses * mixBytes / 1e6 / (mixNs[i] / 1e9));
        threads.get(i).shutdown();
      }
      if (!full) {
        continue;
      }
      threads.clear();
      for (int i = 0; i < engines.size(); i++) { // fresh threads: empty word caches for the full corpus
        threads.add(Executors.newSingleThreadExecutor());
      }
      long[] fullNs = new long[engines.size()];
      for (int f = 0; f < byFile.size(); f++) {
        List<String> lines = byFile.get(f);
        for (int k = 0; k < engines.size(); k++) {
          int i = (k + f) % engines.size();
          Engine e = engines.get(i);
          fullNs[i] += threads.get(i).submit(() -> cpuNanos(e, lines, 1)).get();
        }
      }
      for (int i = 0; i < engines.size(); i++) {
        Engine e = engines.get(i);
        long[] st = threads.get(i).submit(e::stats).get();
        threads.get(i).shutdown();
        String stats = st == null ? "" : String.format(" | words %d, hit rate %.2f%%, longer than cacheable %.3f%%",
            st[0], 100.0 * (st[0] - st[1] - st[2]) / (st[0] - st[2]), 100.0 * st[2] / st[0]);
        System.out.printf("%-11s %-8s FULL %6.1f MB/s (%.1f s CPU)%s%n", name, e.variant,
            allBytes / 1e6 / (fullNs[i] / 1e9), fullNs[i] / 1e9, stats);
      }
    }
  }

  /** CPU time of this thread for {@code passes} passes over the lines. */
  private static long cpuNanos(Engine e, List<String> lines, int passes) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long c0 = cpu.getCurrentThreadCpuTime();
    long sink = 0;
    for (int p = 0; p < passes; p++) {
      for (String l : lines) {
        sink += e.encode(l);
      }
    }
    long ns = cpu.getCurrentThreadCpuTime() - c0;
    return sink == 42 ? ns + 1 : ns;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static long utf8(List<String> lines) {
    return lines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length).sum();
  }

  /** The variant's classes first, then this JVM's dependency jars (not its own udfs classes). */
  private static ClassLoader loader(Path classes) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.endsWith(".jar")) {
        urls.add(Path.of(e).toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  /** One variant's JavaBpeTokenizer, called reflectively (the same way for every variant). */
  private static final class Engine {
    final String variant;
    final Object tok;
    final Method encode;
    final Method size;
    final Method stats;

    Engine(String variant, ClassLoader loader, String name, Path file) throws Exception {
      this.variant = variant;
      Class<?> c = Class.forName("org.tokenometry.udfs.tokenizers.pure.JavaBpeTokenizer", true, loader);
      tok = c.getMethod("load", String.class, Path.class).invoke(null, name, file);
      encode = c.getMethod("encode", String.class);
      size = Class.forName("org.tokenometry.udfs.tokenizers.Encoding", true, loader).getMethod("size");
      Method m = Arrays.stream(c.getDeclaredMethods()).filter(x -> x.getName().equals("cacheStats")).findFirst()
          .orElse(null);
      if (m != null) {
        m.setAccessible(true);
      }
      stats = m;
    }

    int encode(String text) {
      try {
        return (int) size.invoke(encode.invoke(tok, text));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    long[] stats() {
      try {
        return stats == null ? null : (long[]) stats.invoke(tok);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
