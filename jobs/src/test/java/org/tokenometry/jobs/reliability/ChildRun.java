package org.tokenometry.jobs.reliability;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own (this JVM's class path and module options), so a test can send it
 * SIGINT or SIGTERM, or SIGKILL it, as a person or a scheduler would. stdout and stderr go to files.
 */
final class ChildRun implements AutoCloseable {
  final Process process;
  final Path out;
  final Path err;

  private ChildRun(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static ChildRun start(Path dir, Map<String, String> env, String... cliArgs) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g"));
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Djdk.")
          || a.startsWith("-Dio.netty")) {
        cmd.add(a);
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.tokenometry.jobs.Cli"));
    cmd.addAll(List.of(cliArgs));
    Files.createDirectories(dir);
    Path out = Files.createTempFile(dir, "child", ".out");
    Path err = Files.createTempFile(dir, "child", ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    return new ChildRun(pb.start(), out, err);
  }

  long pid() {
    return process.pid();
  }

  /** Sends a signal by name (INT, TERM, KILL) with kill(1), as a terminal or a scheduler does. */
  void signal(String name) throws IOException, InterruptedException {
    int rc = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).inheritIO().start().waitFor();
    if (rc != 0) {
      throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
    }
  }

  /** Waits until {@code file} exists (the child reached a point), failing early if the child ends first. */
  void awaitFile(Path file, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(file)) {
      if (!process.isAlive()) {
        throw new AssertionError("the child ended (exit " + process.exitValue() + ") before " + file + "\n" + log());
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("no " + file + " after " + timeout + "\n" + log());
      }
      Thread.sleep(100);
    }
  }

  int awaitExit(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the child did not end within " + timeout + "\n" + log());
    }
    return process.exitValue();
  }

  String log() throws IOException {
    return "--- child stdout\n" + Files.readString(out) + "--- child stderr\n" + Files.readString(err);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
