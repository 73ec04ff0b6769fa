package org.tokenometry.udfs.tokenizers.java;

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
import java.util.stream.Stream;

/**
 * Single-thread throughput of the byte-level BPE engine on ALL of FLORES-200 (dev then devtest, files in sorted
 * order, as the tokenize stage sees them: one fresh thread, so one fresh word cache, streams every line once),
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
    int reps = 1;
    double mixSeconds = 3;
    boolean full = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--tokenizers" -> names = List.of(args[++i].split(","));
        case "--variant" -> {
          String[] kv = args[++i].split("=", 2);
          variants.put(kv[0], Path.of(kv[1]));
        }
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--mix-seconds" -> mixSeconds = Double.parseDouble(args[++i]);
        case "--no-full" -> full = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (variants.isEmpty()) {
      variants.put("current", Path.of("udfs/target/classes"));
    }
    List<String> all = new ArrayList<>();
    List<String> mix = new ArrayList<>();
    for (String split : new String[] {"dev", "devtest"}) {
      for (Path f : files(data.resolve("flores200").resolve(split), "." + split)) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        all.addAll(lines);
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
      // multilingual mix: warm (JIT) and measure on one thread each, variants interleaved
      Map<String, List<Double>> mixRates = new LinkedHashMap<>();
      for (int r = 0; r < 2; r++) {
        for (Engine e : engines) {
          double[] rate = new double[1];
          double warm = r == 0 ? 2 : 0;
          double secs = mixSeconds;
          onThread(() -> rate[0] = mixRate(e, mix, mixBytes, warm, secs));
          mixRates.computeIfAbsent(e.variant, k -> new ArrayList<>()).add(rate[0]);
        }
      }
      for (Engine e : engines) {
        System.out.printf("%-11s %-8s mix  %6.1f MB/s (runs %s)%n", name, e.variant,
            mixRates.get(e.variant).stream().mapToDouble(d -> d).max().orElse(0), fmt(mixRates.get(e.variant)));
      }
      if (!full) {
        continue;
      }
      for (int r = 0; r < reps; r++) {
        for (Engine e : engines) {
          long[] out = new long[5];
          onThread(() -> {
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long c0 = cpu.getCurrentThreadCpuTime();
            long tokens = 0;
            for (String line : all) {
              tokens += e.encode(line);
            }
            out[0] = cpu.getCurrentThreadCpuTime() - c0;
            out[1] = tokens;
            long[] st = e.stats();
            if (st != null) {
              System.arraycopy(st, 0, out, 2, 3);
            }
          });
          String stats = out[2] == 0 ? "" : String.format(" | words %d, hit rate %.2f%%, longer than cacheable %.3f%%",
              out[2], 100.0 * (out[2] - out[3] - out[4]) / (out[2] - out[4]), 100.0 * out[4] / out[2]);
          System.out.printf("%-11s %-8s FULL %6.1f MB/s (%.1f s CPU, %d tokens)%s%n", name, e.variant,
              allBytes / 1e6 / (out[0] / 1e9), out[0] / 1e9, out[1], stats);
        }
      }
    }
  }

  private static String fmt(List<Double> rates) {
    return rates.stream().map(d -> String.format("%.1f", d)).toList().toString();
  }

  /** Warms for {@code warm} CPU seconds, then whole passes for at least {@code seconds}: MB per CPU second. */
  private static double mixRate(Engine e, List<String> lines, long bytes, double warm, double seconds) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (long until = cpu.getCurrentThreadCpuTime() + (long) (warm * 1e9); cpu.getCurrentThreadCpuTime() < until; ) {
      for (String l : lines) {
        sink += e.encode(l);
      }
    }
    long start = cpu.getCurrentThreadCpuTime();
    long passes = 0;
    while (cpu.getCurrentThreadCpuTime() - start < (long) (seconds * 1e9)) {
      for (String l : lines) {
        sink += e.encode(l);
      }
      passes++;
    }
    double s = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
    if (sink == 42) {
      System.out.print("");
    }
    return passes * bytes / 1e6 / s;
  }

  /** Runs on a fresh thread: the engine's per-thread word cache starts empty, as in a new Spark task thread. */
  private static void onThread(Runnable r) throws InterruptedException {
    Throwable[] err = new Throwable[1];
    Thread t = new Thread(() -> {
      try {
        r.run();
      } catch (Throwable x) {
        err[0] = x;
      }
    });
    t.start();
    t.join();
    if (err[0] != null) {
      throw new IllegalStateException(err[0]);
    }
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
      Class<?> c = Class.forName("org.tokenometry.udfs.tokenizers.java.JavaBpeTokenizer", true, loader);
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
