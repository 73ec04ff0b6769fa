package org.tokenometry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code scripts/bench --cluster}: the tokenize stage on a real standalone cluster on this machine (Master and
 * Workers of one core each, {@code scripts/standalone-cluster}), on all of FLORES dev with every tokenizer, with
 * 1 Worker and then with 2, in one run: the ratio of the two wall times is the speed-up of a second executor.
 * The driver is a child JVM of 1 GiB; executors load the shaded job jar ({@code mvn -DskipTests package} first).
 */
final class ClusterSuite {
  private final Path home;
  private final SparkSuite spark;
  private final Path work;

  ClusterSuite(Path home, SparkSuite spark, Path work) {
    this.home = home;
    this.spark = spark;
    this.work = work;
  }

  Map<String, Object> run(SparkSuite.Corpus corpus, List<String> tokenizers) throws Exception {
    Path jar;
    try (Stream<Path> s = Files.list(home.resolve("jobs/target"))) {
      jar = s.filter(p -> p.getFileName().toString().matches("tokenometry-jobs-.*-all\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no shaded jar in jobs/target: mvn -B -DskipTests package"));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (int workers : new int[] {1, 2}) {
      Path state = work.resolve("cluster-" + workers);
      String url = start(state, workers);
      try {
        spark.childHeap("-Xmx1g");
        spark.childSparkConf(List.of("spark.jars=" + jar, "spark.executor.memory=1g", "spark.driver.memory=1g",
            "spark.driver.host=127.0.0.1", "spark.driver.bindAddress=127.0.0.1"));
        result.put(workers + "-workers", spark.tokenizeCold("cluster-" + workers + "-workers", corpus, url,
            tokenizers, "registry"));
      } finally {
        spark.childSparkConf(List.of());
        spark.childHeap("-Xmx2g");
        script(state.resolve("stop.log"), "scripts/standalone-cluster", "stop", "--state", state.toString());
      }
    }
    return result;
  }

  private String start(Path state, int workers) throws Exception {
    String out = script(state.resolve("start.log"), "scripts/standalone-cluster", "start", "--workers",
        String.valueOf(workers), "--cores", "1", "--memory", "1536m", "--state", state.toString());
    Matcher m = Pattern.compile("master (spark://\\S+)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no master URL in " + state.resolve("start.log"));
    }
    return m.group(1);
  }

  private String script(Path log, String... cmd) throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", cmd) + " failed; log " + log);
    }
    return Files.readString(log);
  }
}
