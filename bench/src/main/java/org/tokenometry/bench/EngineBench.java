package org.tokenometry.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Single-thread throughput of one encode function over a list of lines, outside Spark: warm-up, then several
 * timed runs (each a whole number of passes over the lines), reported as median, min and max. Both wall time
 * and this thread's CPU time are recorded; on a shared machine CPU time is the steadier of the two.
 */
final class EngineBench {
  private final double warmupSeconds;
  private final double minRunSeconds;
  private final int runs;

  EngineBench(double warmupSeconds, double minRunSeconds, int runs) {
    this.warmupSeconds = warmupSeconds;
    this.minRunSeconds = minRunSeconds;
    this.runs = runs;
  }

  /** Measures {@code encode} (returning a token count) over {@code lines} of {@code bytes} UTF-8 bytes. */
  <T> Map<String, Object> measure(List<T> lines, long bytes, ToIntFunction<T> encode) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sink = 0;
    long tokensPerPass = 0;
    long warmUntil = System.nanoTime() + (long) (warmupSeconds * 1e9);
    do {
      tokensPerPass = 0;
      for (T l : lines) {
        tokensPerPass += encode.applyAsInt(l);
      }
      sink += tokensPerPass;
    } while (System.nanoTime() < warmUntil);
    List<Double> wallMbps = new ArrayList<>();
    List<Double> cpuMbps = new ArrayList<>();
    List<Double> cpuTokps = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      long w0 = System.nanoTime();
      long c0 = cpu.getCurrentThreadCpuTime();
      long passes = 0;
      do {
        for (T l : lines) {
          sink += encode.applyAsInt(l);
        }
        passes++;
      } while (System.nanoTime() - w0 < minRunSeconds * 1e9);
      double wall = (System.nanoTime() - w0) / 1e9;
      double cpuSec = Math.max(1e-9, (cpu.getCurrentThreadCpuTime() - c0) / 1e9);
      wallMbps.add(passes * bytes / 1e6 / wall);
      cpuMbps.add(passes * bytes / 1e6 / cpuSec);
      cpuTokps.add(passes * tokensPerPass / cpuSec);
    }
    if (sink == 42) {
      System.out.print(""); // keeps the results alive
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bytes", bytes);
    m.put("lines", lines.size());
    m.put("tokens_per_pass", tokensPerPass);
    m.put("runs", runs);
    m.put("cpu_mb_per_s", stats(cpuMbps));
    m.put("wall_mb_per_s", stats(wallMbps));
    m.put("cpu_tokens_per_s", stats(cpuTokps));
    return m;
  }

  /** median, min, max (rounded to 3 significant decimals). */
  static Map<String, Object> stats(List<Double> xs) {
    double[] v = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("median", round(median));
    m.put("min", round(v[0]));
    m.put("max", round(v[v.length - 1]));
    m.put("all", Arrays.stream(v).map(EngineBench::round).boxed().toList());
    return m;
  }

  static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
