package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.udfs.qa.LoopbackChatServer;
import org.tokenometry.udfs.qa.LoopbackChatServer.Reply;

/**
 * Issue 17 item 10: a dead or refusing endpoint must not look like success. Whether it refuses (401/403/404),
 * cannot be reached, fails every request (503 after retries) or never gives a usable answer, the qa stage
 * fails with one line naming the URL and what happened, the run exits 1 and the previous questions table
 * stays as it was.
 */
class LlmStageFailureTest {
  @TempDir Path dir;
  private LoopbackChatServer good;
  private LoopbackChatServer bad;

  @BeforeEach
  void start() throws Exception {
    good = new LoopbackChatServer();
    // quotes the passage's first sentence: every answer is accepted
    good.otherwise(Reply.ok(p -> {
      String passage = LoopbackChatServer.passage(p);
      String first = passage.substring(0, passage.indexOf('.') + 1);
      return LoopbackChatServer.answer("What comes first? " + first.hashCode(), first);
    }));
    bad = new LoopbackChatServer();
  }

  @AfterEach
  void stop() {
    good.close();
    bad.close();
  }

  private static String qa(String url) {
    return "qa:\n  mode: llm\n  llm: {base_url: \"" + url + "\", model: test-model, max_retries: 1,"
        + " requests_per_second: 0, timeout_seconds: 5, questions_per_document: 1}\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {"401", "403", "404", "refused", "503", "malformed"})
  void theStageFailsInOneLineAndThePreviousQuestionsStay(String failure) throws Exception {
    Path out = dir.resolve("out");
    CliRun first = CliRun.of("run", RunFixtures.config(dir, "run.yaml", "[ingest, qa]", qa(good.baseUrl()))
        .toString(), "--master", "local[2]", "-q");
    assertEquals(0, first.code(), first.toString());
    TreeMap<String, String> questions = RunFixtures.listing(out.resolve("questions"));
    assertEquals(3, RunFixtures.manifest(out).path("stages").path("qa").path("questions").asLong());

    String url = bad.baseUrl();
    String expected;
    switch (failure) {
      case "refused" -> {
        try (ServerSocket s = new ServerSocket(0)) {
          url = "http://127.0.0.1:" + s.getLocalPort() + "/v1";
        }
        expected = "cannot connect";
      }
      case "503" -> {
        bad.otherwise(Reply.status(503, "overloaded"));
        expected = "HTTP 503";
      }
      case "malformed" -> {
        bad.otherwise(Reply.ok("Sure! Here is a question about the passage."));
        expected = "malformed_json";
      }
      default -> {
        bad.otherwise(Reply.status(Integer.parseInt(failure), "{\"error\":\"no\"}"));
        expected = "HTTP " + failure;
      }
    }
    Path cfg = RunFixtures.config(dir, "bad.yaml", "[qa]", qa(url));
    CliRun second = CliRun.of("run", cfg.toString(), "--master", "local[2]", "-q");
    assertEquals(1, second.code(), second.toString());
    assertEquals(1, second.errLines().size(), "one line: " + second);
    String line = second.errLines().get(0);
    assertTrue(line.startsWith("error: ") && line.contains(url) && line.contains(expected), line);
    assertEquals(questions, RunFixtures.listing(out.resolve("questions")), "the previous questions table stays");
    JsonNode m = RunFixtures.manifest(out);
    assertEquals("failed", m.path("status").asText());
    assertEquals("failed", m.path("stages").path("qa").path("status").asText(), m.toPrettyString());
    assertEquals("complete", m.path("stages").path("ingest").path("status").asText(), m.toPrettyString());
    assertFalse(m.toString().contains("Bearer"));
  }
}
