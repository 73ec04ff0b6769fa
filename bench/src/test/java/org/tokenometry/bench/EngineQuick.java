package org.tokenometry.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * Measurement helper for engine work: the engine part of the bench only (same corpora and CPU-time measure as
 * {@code EngineSuite}), for chosen tokenizers and engines, without the Spark parts; or, with {@code --loop S},
 * the Java engine alone for S seconds per tokenizer on the multilingual mix, for a profiler to sample.
 * Run with the source launcher: {@code java -cp <bench classpath> EngineQuick.java --data DIR --home DIR
 * --tokenizers gpt4o,llama3 --engines java,hf,jtokkit}.
 */
public final class EngineQuick {
  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path home = Path.of(o.getOrDefault("home", "."));
    Path data = Path.of(o.getOrDefault("data", "../shared/data"));
    List<String> toks = Arrays.asList(o.getOrDefault("tokenizers", "gpt4o,gpt35turbo,llama3").split(","));
    List<String> engines = Arrays.asList(o.getOrDefault("engines", "java,hf,jtokkit").split(","));
    List<String> corpora = Arrays.asList(o.getOrDefault("corpora", "english,multilingual").split(","));
    double warm = Double.parseDouble(o.getOrDefault("warmup", "1.5"));
    double minRun = Double.parseDouble(o.getOrDefault("min-run", "0.4"));
    int runs = Integer.parseInt(o.getOrDefault("runs", "5"));
    TokenizerRegistry registry = TokenizerRegistry.load(home.resolve("conf/tokenizers.yaml"));
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (String c : corpora) {
      lines.put(c, c.equals("english") ? english(data, 2) : multilingual(data, 40));
    }
    if (o.containsKey("loop")) {
      double seconds = Double.parseDouble(o.get("loop"));
      for (String name : toks) {
        TokenizerRegistry.Resolved r = registry.resolve(name);
        Tokenizer t = TokenizerRegistry.open(r.name(), TokenizerRegistry.ENGINE_JAVA, r.file());
        for (List<String> ls : lines.values()) {
          long until = System.nanoTime() + (long) (seconds * 1e9);
          long sink = 0;
          while (System.nanoTime() < until) {
            for (String l : ls) {
              sink += t.encode(l).size();
            }
          }
          System.err.println(name + " looped, sink " + sink);
        }
      }
      return;
    }
    var jt = Encodings.newLazyEncodingRegistry();
    Map<String, EncodingType> jtokkit = Map.of("gpt35turbo", EncodingType.CL100K_BASE, "gpt4o",
        EncodingType.O200K_BASE);
    for (Map.Entry<String, List<String>> c : lines.entrySet()) {
      long bytes = 0;
      for (String l : c.getValue()) {
        bytes += l.getBytes(StandardCharsets.UTF_8).length;
      }
      for (String name : toks) {
        TokenizerRegistry.Resolved r = registry.resolve(name);
        Map<String, Double> mbps = new LinkedHashMap<>();
        for (String engine : engines) {
          if (engine.equals("jtokkit")) {
            if (jtokkit.containsKey(name)) {
              var enc = jt.getEncoding(jtokkit.get(name));
              mbps.put(engine, measure(c.getValue(), bytes, enc::countTokensOrdinary, warm, minRun, runs));
            }
          } else {
            Tokenizer t = TokenizerRegistry.open(r.name(), engine, r.file());
            mbps.put(engine, measure(c.getValue(), bytes, s -> t.encode(s).size(), warm, minRun, runs));
          }
        }
        StringBuilder sb = new StringBuilder(String.format("%-13s %-11s", c.getKey(), name));
        mbps.forEach((e, v) -> sb.append(String.format("  %s %7.2f", e, v)));
        Double j = mbps.get("java");
        for (String e : List.of("hf", "jtokkit")) {
          if (j != null && mbps.containsKey(e)) {
            sb.append(String.format("  java/%s %.2fx", e, j / mbps.get(e)));
          }
        }
        System.out.println(sb);
      }
    }
  }

  /** Median MB/s per CPU second of this thread, as EngineBench measures. */
  static double measure(List<String> lines, long bytes, ToIntFunction<String> f, double warm, double minRun,
      int runs) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sink = 0;
    long until = System.nanoTime() + (long) (warm * 1e9);
    do {
      for (String l : lines) {
        sink += f.applyAsInt(l);
      }
    } while (System.nanoTime() < until);
    double[] v = new double[runs];
    for (int r = 0; r < runs; r++) {
      long w0 = System.nanoTime();
      long c0 = cpu.getCurrentThreadCpuTime();
      long passes = 0;
      do {
        for (String l : lines) {
          sink += f.applyAsInt(l);
        }
        passes++;
      } while (System.nanoTime() - w0 < minRun * 1e9);
      v[r] = passes * bytes / 1e6 / Math.max(1e-9, (cpu.getCurrentThreadCpuTime() - c0) / 1e9);
    }
    Arrays.sort(v);
    if (sink == 42) {
      System.out.print("");
    }
    return v[runs / 2];
  }

  static List<String> english(Path data, int copies) throws Exception {
    List<String> once = new ArrayList<>(Files.readAllLines(data.resolve("flores200/dev/eng_Latn.dev")));
    once.addAll(Files.readAllLines(data.resolve("flores200/devtest/eng_Latn.devtest")));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      out.addAll(once);
    }
    return out;
  }

  static List<String> multilingual(Path data, int perLang) throws Exception {
    List<String> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(data.resolve("flores200/dev"))) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".dev")).sorted().toList();
    }
    for (Path f : files) {
      List<String> all = Files.readAllLines(f);
      int step = Math.max(1, all.size() / perLang);
      int n = 0;
      for (int i = 0; i < all.size() && n < perLang; i += step, n++) {
        out.add(all.get(i));
      }
    }
    return out;
  }
}
