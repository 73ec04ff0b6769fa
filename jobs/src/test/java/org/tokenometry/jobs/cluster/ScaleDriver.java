package org.tokenometry.jobs.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.SparkSessions;
import org.tokenometry.jobs.config.ConfigLoader;

/**
 * The driver of {@link TokenizeScaleTest}, in a JVM of its own so its heap is measured alone: runs a config's
 * stages under the given master and writes its wall time, sampled peak heap and heap after a full GC as JSON.
 * Arguments: {@code <master> <config.yaml> <result.json> [spark.key=value ...]}.
 */
public final class ScaleDriver {
  private ScaleDriver() {}

  public static void main(String[] args) throws Exception {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    Map<String, String> conf = new LinkedHashMap<>();
    for (int i = 3; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      conf.put(kv[0], kv[1]);
    }
    SparkSession spark = SparkSessions.create(args[0], conf);
    long t0 = System.nanoTime();
    try {
      Pipeline.run(spark, ConfigLoader.load(Path.of(args[1])), new Console(System.err, true));
    } finally {
      spark.stop();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.gc();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("master", args[0]);
    out.put("seconds", Math.round(seconds * 10) / 10.0);
    out.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    out.put("peak_heap_mb", peak.get() >> 20);
    out.put("heap_after_gc_mb", mem.getHeapMemoryUsage().getUsed() >> 20);
    Files.writeString(Path.of(args[2]), new ObjectMapper().writeValueAsString(out));
  }
}
