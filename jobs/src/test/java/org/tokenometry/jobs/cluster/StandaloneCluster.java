package org.tokenometry.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives scripts/standalone-cluster for tests: a real Master and Workers, each its own JVM, on loopback. */
final class StandaloneCluster implements AutoCloseable {
  private final Path root;
  private final Path state;
  private final String url;

  private StandaloneCluster(Path root, Path state, String url) {
    this.root = root;
    this.state = state;
    this.url = url;
  }

  static StandaloneCluster start(Path projectRoot, Path state, int workers) throws Exception {
    String out = Scripts.run(projectRoot, state.resolve("start.log"), 600, "scripts/standalone-cluster", "start",
        "--workers", String.valueOf(workers), "--memory", "1536m", "--state", state.toString());
    // anywhere in a line: the script's stderr is in the same log, and Maven (resolving the Spark runtime on a
    // fresh machine) ends its output with colour-reset codes but no newline
    Matcher m = Pattern.compile("master (spark://\\S+)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no master URL in: " + out);
    }
    String url = m.group(1);
    return new StandaloneCluster(projectRoot, state, url);
  }

  String url() {
    return url;
  }

  Path state() {
    return state;
  }

  /** Executor JVMs (CoarseGrainedExecutorBackend) launched by this cluster's Workers, and only those. */
  List<ProcessHandle> executors() throws IOException {
    List<ProcessHandle> found = new ArrayList<>();
    try (var pids = Files.newDirectoryStream(state, "worker-*.pid")) {
      for (Path f : pids) {
        long pid = Long.parseLong(Files.readString(f).trim());
        ProcessHandle.of(pid).ifPresent(w -> w.descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
            .forEach(found::add));
      }
    }
    return found;
  }

  @Override
  public void close() throws Exception {
    Scripts.run(root, state.resolve("stop.log"), 120, "scripts/standalone-cluster", "stop", "--state",
        state.toString());
  }

  /** Runs project scripts as child processes, output to a log file. */
  static final class Scripts {
    private Scripts() {}

    static String run(Path projectRoot, Path log, int timeoutSeconds, String... command) throws Exception {
      Process p = start(projectRoot, log, command);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " timed out; log " + log + ":\n" + tail(log));
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + "; log " + log
            + ":\n" + tail(log));
      }
      return Files.readString(log);
    }

    static Process start(Path projectRoot, Path log, String... command) throws IOException {
      Files.createDirectories(log.getParent());
      List<String> cmd = new ArrayList<>(List.of(command));
      cmd.set(0, projectRoot.resolve(cmd.get(0)).toString());
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(projectRoot.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().put("DJL_OFFLINE", "true");
      return pb.start();
    }

    static String tail(Path log) {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }
  }
}
