package org.tokenometry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.SparkSessions;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.PipelineConfig;

/**
 * One Spark measurement in its own JVM (started by {@link Bench}), so heap and RSS belong to this point alone:
 * runs the real pipeline stages of a config (e.g. {@code tokenize} on a prepared documents table) under the
 * given master and prints one line {@code BENCH_POINT <json>}: wall seconds of the stages, process CPU
 * seconds, documents bytes and tokens, sampled peak heap, heap after a full GC, and VmHWM.
 *
 * <p>Arguments: {@code <master> [--warmup <config.yaml> <seconds>] <config.yaml>...} (several configs run one
 * after another in one session). The warm-up config (the bench passes the point's own) runs first, again and
 * again until {@code seconds} have passed (at least once), and is reported as {@code BENCH_WARMUP}: class
 * loading, JIT, Spark's code generation and tokenizer loading are paid there, as the raw engines pay them in
 * their warm-up, so the measured runs are the steady state. The first warm-up run's wall time is kept as the
 * cold-start cost.
 */
public final class SparkPoint {
  private SparkPoint() {}

  public static void main(String[] args) throws Exception {
    String master = args[0];
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peakHeap.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    ObjectMapper json = new ObjectMapper();
    SparkSession spark = SparkSessions.create(master, Map.of("spark.sql.shuffle.partitions", "4"));
    spark.sparkContext().setLogLevel("WARN");
    try {
      int first = 1;
      if (args.length > 3 && args[1].equals("--warmup")) {
        // Spark's per-query machinery (closure cleaning, task and Hadoop Configuration serialization, codegen)
        // runs a few times per run, so the JIT's compiler threads kept compiling it through the first few runs
        // of a point (1.8 CPU-s per 3 s run at local[2] after one warm-up run): warm up for a while, not once
        long start = System.nanoTime();
        long until = start + (long) (Double.parseDouble(args[3]) * 1e9);
        double cold = Double.NaN;
        int warmups = 0;
        do {
          long t0 = System.nanoTime();
          Pipeline.run(spark, ConfigLoader.load(Path.of(args[2])), new Console(System.err, true));
          if (warmups++ == 0) {
            cold = (System.nanoTime() - t0) / 1e9;
          }
        } while (System.nanoTime() < until);
        System.out.println("BENCH_WARMUP " + json.writeValueAsString(Map.of("config", args[2],
            "seconds", EngineBench.round(cold), "runs", warmups,
            "total_seconds", EngineBench.round((System.nanoTime() - start) / 1e9))));
        System.gc();
        peakHeap.set(mem.getHeapMemoryUsage().getUsed());
        first = 4;
      }
      for (int i = first; i < args.length; i++) {
        PipelineConfig config = ConfigLoader.load(Path.of(args[i]));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Pipeline.run(spark, config, new Console(System.err, true));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("config", args[i]);
        point.put("master", master);
        point.put("stages", config.stages());
        point.put("tokenizers", config.tokenizers());
        point.put("seconds", EngineBench.round(seconds));
        point.put("process_cpu_seconds", EngineBench.round(cpuSeconds));
        Row docs = spark.read().parquet(config.output() + "/documents")
            .agg(functions.count("*"), functions.sum("n_bytes")).first();
        point.put("documents", docs.getLong(0));
        point.put("document_bytes", docs.getLong(1));
        point.put("document_partitions", spark.read().parquet(config.output() + "/documents").rdd().getNumPartitions());
        if (config.stages().contains("tokenize")) {
          Row tok = spark.read().parquet(config.output() + "/compression").agg(functions.sum("tokens")).first();
          point.put("tokens_all_tokenizers", tok.getLong(0));
        }
        System.gc();
        point.put("heap_peak_sampled_bytes", peakHeap.get());
        point.put("heap_after_gc_bytes", mem.getHeapMemoryUsage().getUsed());
        point.put("vm_hwm_bytes", vmHwm());
        System.out.println("BENCH_POINT " + json.writeValueAsString(point));
        System.out.flush();
      }
    } finally {
      spark.stop();
    }
    sampler.interrupt();
  }

  /** Peak resident set size of this process (Linux /proc/self/status VmHWM), or -1 elsewhere. */
  static long vmHwm() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
