package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.config.QaConfig;
import org.tokenometry.jobs.qa.QaFixtures;
import org.tokenometry.jobs.qa.QaFixtures.Doc;
import org.tokenometry.jobs.qa.QaStage;
import org.tokenometry.testing.SparkTest;
import org.tokenometry.udfs.qa.LoopbackChatServer;
import org.tokenometry.udfs.qa.LoopbackChatServer.Reply;

/**
 * Issue 17 item 12: what the LLM path did is counted in {@code stages.qa.llm} and said in words and numbers on
 * the console (it printed {@code rejected {}}). The server answers per document, whatever order Spark's tasks
 * ask in: document a first gets a 429, b a 503, z an answer quoting text the passage does not have.
 */
class LlmCountsTest extends SparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  private LoopbackChatServer server;
  private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackChatServer().route(prompt -> {
      String passage = LoopbackChatServer.passage(prompt);
      String first = passage.substring(0, passage.indexOf('.') + 1);
      int n = asked.computeIfAbsent(first, k -> new AtomicInteger()).getAndIncrement();
      if (passage.startsWith("Rates") && n == 0) {
        return new Reply(429, "0", 0, p -> "slow down");
      }
      if (passage.startsWith("Launches") && n == 0) {
        return Reply.status(503, "busy");
      }
      String quote = passage.startsWith("Zebra") ? "Zebras run the central bank." : first;
      return Reply.ok(LoopbackChatServer.answer("What comes first in " + first + "?", quote));
    });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void requestsRetriesCacheHitsAndRejectionsAreCountedAndSaid() throws Exception {
    List<Doc> docs = List.of(
        new Doc("a", "news", "file:///n/a.txt", "Rates rose in March. Inflation slowed. Markets rallied."),
        new Doc("b", "news", "file:///n/b.txt", "Launches grew. Costs fell by half. Demand stayed high."),
        new Doc("z", "news", "file:///n/z.txt", "Zebra crossings were repainted. Traffic calmed."));
    QaConfig qa = new QaConfig("llm", null, null, false, null, 3L, null, new QaConfig.Llm(server.baseUrl(),
        "test-model", null, 0.0, 1, 10_000, 10.0, 2, 0.0, tmp.resolve("cache").toString(), null), null);

    var run1 = QaFixtures.context(spark, tmp.resolve("o1").toString(), qa, docs);
    new QaStage().run(run1.context);
    JsonNode llm = JSON.readTree(run1.context.manifest().toJson()).path("stages").path("qa").path("llm");
    assertEquals(JSON.readTree("{\"endpoint\": \"" + server.baseUrl() + "\", \"model\": \"test-model\","
        + " \"attempts\": 3, \"accepted\": 2, \"requests\": 5, \"retries\": 2, \"answers\": 3,"
        + " \"failed_requests\": 0, \"cache_hits\": 0, \"cache_discarded\": 0,"
        + " \"responses\": {\"200\": 3, \"429\": 1, \"503\": 1}, \"rejected\": {\"excerpt_not_found\": 1}}"), llm);
    String console = run1.consoleText();
    assertTrue(console.contains("[qa] llm:test-model: 3 documents -> 2 questions from 3 attempts; "
        + "1 rejected (excerpt not found: 1)\n"), console);
    assertTrue(console.contains("[qa] " + server.baseUrl() + ": 5 requests, 3 answers, 2 retries "
        + "(HTTP 429: 1, HTTP 503: 1), 0 attempts failed, 0 answers from the cache\n"), console);

    // a rerun: the two accepted answers come from the cache, the rejected attempt is asked again
    var run2 = QaFixtures.context(spark, tmp.resolve("o2").toString(), qa, docs);
    new QaStage().run(run2.context);
    JsonNode again = JSON.readTree(run2.context.manifest().toJson()).path("stages").path("qa").path("llm");
    assertEquals(2, again.path("cache_hits").asLong(), again.toPrettyString());
    assertEquals(1, again.path("requests").asLong(), again.toPrettyString());
    assertEquals(JSON.readTree("{\"200\": 1}"), again.path("responses"));
    assertEquals(JSON.readTree("{\"excerpt_not_found\": 1}"), again.path("rejected"));
    assertTrue(run2.consoleText().contains("1 request, 1 answer, 0 retries, 0 attempts failed, "
        + "2 answers from the cache"), run2.consoleText());
  }
}
