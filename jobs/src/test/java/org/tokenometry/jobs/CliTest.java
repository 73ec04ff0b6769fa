package org.tokenometry.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a person meets it: help text, exit codes and error messages (no Spark needed). */
class CliTest {
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Cli.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void helpListsOneSubcommandPerStageWithExamplesAndExitCodes() {
    Result r = run("--help");
    assertEquals(0, r.code());
    for (String cmd : new String[] {"run", "ingest", "tokenize", "qa", "retrieval", "report", "tokenizers"}) {
      assertTrue(Pattern.compile("(?m)^\\s+" + cmd + "\\s").matcher(r.out()).find(), cmd + " in\n" + r.out());
    }
    assertTrue(r.out().contains("Examples:"));
    assertTrue(r.out().contains("Exit codes:"));
    assertTrue(Pattern.compile("(?m)^\\s+2\\s+bad usage or configuration").matcher(r.out()).find(), r.out());
    for (String line : r.out().split("\n")) {
      assertTrue(line.length() <= 80, "help line too wide: " + line);
    }
  }

  @Test
  void everyStageCommandHasHelpWithAnExample() {
    for (String stage : new String[] {"ingest", "tokenize", "qa", "retrieval", "report"}) {
      Result r = run("help", stage);
      assertEquals(0, r.code(), stage);
      assertTrue(r.out().contains("Usage: tokenometry " + stage), r.out());
      assertTrue(r.out().contains("Examples:") && r.out().contains("tokenometry " + stage + " "), r.out());
      assertTrue(r.out().contains("same as: run conf/sample.yaml --stages " + stage), r.out());
      for (String line : r.out().split("\n")) {
        assertTrue(line.length() <= 80, "help line too wide: " + line);
      }
    }
  }

  @Test
  void missingConfigNamesThePathTried() {
    Path missing = dir.resolve("nope.yaml");
    Result r = run("report", missing.toString());
    assertEquals(ExitCode.USAGE, r.code());
    assertEquals("error: config file not found: " + missing + " (pass a YAML file such as conf/sample.yaml)\n",
        r.err());
  }

  @Test
  void unknownKeyInYamlNamesFileLineColumnAndTheKnownKeys() throws Exception {
    Path cfg = dir.resolve("bad.yaml");
    Files.writeString(cfg, "output: out\nstages: [report]\nreport:\n  title: Run 7\n  titel: oops\n");
    Result r = run("run", cfg.toString());
    assertEquals(ExitCode.USAGE, r.code());
    // line 5, column 3: where "titel" is written (not the end of the mapping, where Jackson notices it)
    assertTrue(r.err().startsWith("error: " + cfg + ":5:3: "), r.err());
    assertTrue(r.err().contains("unknown key 'titel'"), r.err());
    assertTrue(r.err().contains("summary_rows") && r.err().contains("title"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void yamlSyntaxErrorNamesLineAndColumn() throws Exception {
    Path cfg = dir.resolve("broken.yaml");
    Files.writeString(cfg, "output: out\nstages: [ingest, report\ncorpora: []\n");
    Result r = run("run", cfg.toString());
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(Pattern.compile("^error: " + Pattern.quote(cfg.toString()) + ":\\d+:\\d+: ").matcher(r.err()).find(),
        r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void wrongValueTypeNamesTheLineOfTheValue() throws Exception {
    Path cfg = dir.resolve("type.yaml");
    Files.writeString(cfg, "output: out\nreport:\n  summary_rows: many\n");
    Result r = run("run", cfg.toString());
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().startsWith("error: " + cfg + ":3:"), r.err());
    assertTrue(r.err().contains("many"), r.err());
  }

  @Test
  void unknownStageListsTheKnownOnes() throws Exception {
    Path cfg = dir.resolve("ok.yaml");
    Files.writeString(cfg, "output: out\n");
    Result r = run("run", cfg.toString(), "--stages", "reprot");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().startsWith("error: unknown stage 'reprot' in 'stages'; known stages: [ingest,"), r.err());
    assertTrue(r.err().contains("qa, retrieval, report"), r.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Result r = run("report", "--colour");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("Unknown option: '--colour'"), r.err());
  }

  @Test
  void unreachableEndpointPrintsOneLineWithoutAStackTrace() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort(); // closed again when this block ends: nothing listens there
    }
    URI url = URI.create("http://127.0.0.1:" + closedPort + "/v1/chat/completions");
    ConnectException refused = null;
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      refused = e;
    }
    // as Spark or a client would wrap it
    RuntimeException wrapped = new RuntimeException("LLM endpoint " + url + " (timeout 30 s)", refused);
    StringWriter sw = new StringWriter();
    int code = ErrorReport.print(wrapped, new PrintWriter(sw, true), false);
    assertEquals(ExitCode.FAILED, code);
    assertTrue(sw.toString().startsWith("error: cannot connect: "), sw.toString());
    assertTrue(sw.toString().contains("while: LLM endpoint " + url + " (timeout 30 s)"), sw.toString());
    assertFalse(sw.toString().contains("\tat "), sw.toString());
  }

  @Test
  void timeoutPrintsOneLineWithoutAStackTrace() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) { // accepts connections, never answers
      URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/v1/chat/completions");
      HttpTimeoutException timeout = null;
      try {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(Duration.ofMillis(300)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        timeout = e;
      }
      StringWriter sw = new StringWriter();
      int code = ErrorReport.print(new IllegalStateException("question generation via " + url, timeout),
          new PrintWriter(sw, true), false);
      assertEquals(ExitCode.FAILED, code);
      assertTrue(sw.toString().startsWith("error: HTTP request timed out: "), sw.toString());
      assertTrue(sw.toString().contains(url.toString()), sw.toString());
      assertFalse(sw.toString().contains("\tat "), sw.toString());
    }
  }

  @Test
  void unexpectedErrorsKeepTheirStackTrace() {
    StringWriter sw = new StringWriter();
    int code = ErrorReport.print(new NullPointerException("boom"), new PrintWriter(sw, true), false);
    assertEquals(ExitCode.FAILED, code);
    assertTrue(sw.toString().startsWith("error: java.lang.NullPointerException: boom"), sw.toString());
    assertTrue(sw.toString().contains("\tat "), sw.toString());
  }
}
