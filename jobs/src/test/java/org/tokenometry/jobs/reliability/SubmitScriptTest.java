package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.ReferenceData;

/**
 * Issue 17 item 18: scripts/submit refused {@code --master=yarn} and {@code --driver-java-options}, and with
 * {@code --master yarn} and no SPARK_HOME it died with "Could not load YARN classes". Runs the script with
 * {@code --dry-run} (nothing is submitted) against the shaded jar, with SPARK_HOME unset.
 */
class SubmitScriptTest {
  @TempDir
  static Path tmp;
  static Path root;
  static Path jar;

  @BeforeAll
  static void shadedJar() throws Exception {
    root = ReferenceData.projectRoot();
    try (Stream<Path> s = Files.list(root.resolve("jobs/target"))) {
      jar = s.filter(p -> p.getFileName().toString().endsWith("-all.jar")).findFirst().orElse(null);
    }
    assertTrue(jar != null, "no shaded jar in jobs/target: build it with mvn -B -DskipTests package");
    // the first submit on a machine (or after a pom change) resolves Spark's runtime with Maven and says so on
    // stderr; do that here so each test sees only what the script prints for its own arguments
    Run warm = submit("--dry-run", config("warm.yaml", "output: out\ntokenizers: [chars]\n").toString());
    assertEquals(0, warm.code(), warm.toString());
  }

  record Run(int code, String out, String err) {}

  static Run submit(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(root.resolve("scripts/submit").toString(), "--jar", jar.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("SPARK_HOME");
    pb.environment().put("TOKENOMETRY_SUBMIT_DIR", tmp.resolve("submit").toString());
    pb.redirectOutput(tmp.resolve("out.txt").toFile());
    pb.redirectError(tmp.resolve("err.txt").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "scripts/submit did not finish");
    return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  static Path config(String name, String yaml) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void optionsWithEqualsAndEverySparkSubmitOptionPassThrough() throws Exception {
    Path cfg = config("c.yaml", "output: out\ntokenizers: [chars]\n");
    Run r = submit("--dry-run", "--master=spark://127.0.0.1:7077", "--deploy-mode=client", "-c", "spark.x=1",
        "--conf=spark.y=2", "--driver-java-options=-Dfoo=bar -Dbaz=1", "--executor-memory=3g",
        "--num-executors", "2", "--queue=q1", "--verbose", cfg.toString(), "--stages", "ingest");
    assertEquals(0, r.code(), r.toString());
    String line = r.out();
    for (String s : new String[] {"--master spark://127.0.0.1:7077", "--deploy-mode client", "--conf spark.x=1",
        "--conf spark.y=2", "--executor-memory 3g", "--num-executors 2", "--queue q1", "--verbose",
        "run " + cfg + " --stages ingest"}) {
      assertTrue(line.contains(s), s + " in " + line);
    }
    // the driver's options join Spark's --add-opens list instead of replacing it (and start this JVM, the
    // driver, when SparkSubmit runs in it)
    assertTrue(line.contains("--conf spark.driver.extraJavaOptions=-XX:+IgnoreUnrecognizedVMOptions\\ "), line);
    assertTrue(line.contains("-DDJL_OFFLINE=true\\ -Dfoo=bar\\ -Dbaz=1 --conf spark.executor.extraJavaOptions="),
        line);
    assertTrue(line.contains(" -Dfoo=bar -Dbaz=1 -Dlog4j2"), line);
    assertTrue(!line.contains("--driver-java-options"), line);
  }

  @Test
  void yarnAndKubernetesWithoutSparkHomeSayWhatIsMissing() throws Exception {
    Path cfg = config("c.yaml", "output: out\ntokenizers: [chars]\n");
    Run yarn = submit("--master=yarn", cfg.toString());
    assertEquals(2, yarn.code(), yarn.toString());
    assertEquals("error: --master yarn needs SPARK_HOME pointing at a Spark 4.0 install built with YARN support "
        + "(the Maven-resolved Spark used without it has none)\n", yarn.err());
    Run k8s = submit("--master", "k8s://https://api.example:6443", cfg.toString());
    assertEquals(2, k8s.code(), k8s.toString());
    assertTrue(k8s.err().contains("built with Kubernetes support"), k8s.err());
    Run viaConf = submit("--conf", "spark.master=yarn", cfg.toString());
    assertEquals(2, viaConf.code(), viaConf.toString());
    Run dry = submit("--dry-run", "--master", "yarn", cfg.toString());
    assertEquals(0, dry.code(), dry.toString());
    assertTrue(dry.err().startsWith("warning: --master yarn needs SPARK_HOME"), dry.err());
    assertTrue(dry.out().contains("--master yarn"), dry.out());
  }

  @Test
  void clusterModeShipsTheConfigAndTheRegistryTokenizersItVerified() throws Exception {
    ReferenceData.tokenizer("gpt4o");
    Path cfg = config("cl.yaml", "output: hdfs:///out\ntokenizers: [gpt4o, utf8_bytes]\n");
    Run r = submit("--dry-run", "--master", "spark://h:7077", "--deploy-mode", "cluster", "--files", "/x/extra.txt",
        cfg.toString());
    assertEquals(0, r.code(), r.toString());
    Path shipped = tmp.resolve("submit/files/gpt4o.tokenizer.json");
    assertTrue(r.out().contains("--files " + shipped + "\\," + "/x/extra.txt\\," + cfg), r.out());
    assertTrue(r.out().trim().endsWith("run cl.yaml"), r.out());
  }

  @Test
  void mistakesAreOneLineAndExitTwo() throws Exception {
    Path cfg = config("c.yaml", "output: out\ntokenizers: [chars]\n");
    for (String[] args : new String[][] {{"--colour", cfg.toString()}, {"--class", "X", cfg.toString()},
        {"--master"}, {"--verbose=yes", cfg.toString()}, {"--deploy-mode", "remote", cfg.toString()},
        {tmp.toString()}, {tmp.resolve("none.yaml").toString()}}) {
      Run r = submit(args);
      assertEquals(2, r.code(), List.of(args) + ": " + r);
      assertTrue(r.err().startsWith("error: ") && r.err().lines().count() == 1, List.of(args) + ": " + r);
    }
    Run bad = submit("--dry-run", config("bad.yaml", "output: out\ntokenizers: [gpt5]\n").toString());
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.err().matches("error: .*bad\\.yaml:2:14: unknown tokenizer 'gpt5'.*\n"), bad.err());
  }
}
