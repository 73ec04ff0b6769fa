package org.tokenometry.jobs.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.config.QaConfig;
import org.tokenometry.jobs.qa.QaFixtures.Doc;
import org.tokenometry.testing.SparkTest;

/**
 * The llm mode end to end in Spark executors against a loopback chat-completions server that quotes the first
 * sentence of the passage it is shown (and invents one excerpt for documents whose id says so).
 */
class QaLlmJobTest extends SparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  @TempDir Path tmp;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/v1/chat/completions", ex -> {
      requests.incrementAndGet();
      JsonNode body = JSON.readTree(ex.getRequestBody());
      String prompt = body.path("messages").path(1).path("content").asText();
      String passage = prompt.substring(prompt.indexOf("<passage>\n") + 10, prompt.indexOf("\n</passage>"));
      String first = passage.substring(0, passage.indexOf('.') + 1).strip();
      String excerpt = passage.contains("Zebra") ? "Zebras run the central bank." : first;
      String content = "<think>pick a sentence</think>" + JSON.writeValueAsString(Map.of(
          "question", "What does the passage say first? (" + first.hashCode() + ")",
          "references", List.of(Map.of("content", excerpt))));
      byte[] out = JSON.writeValueAsBytes(Map.of("choices", List.of(Map.of("index", 0,
          "message", Map.of("role", "assistant", "content", content)))));
      ex.sendResponseHeaders(200, out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void generatesInExecutorsAndARerunCostsNoRequests() throws Exception {
    List<Doc> docs = List.of(
        new Doc("a", "news", "file:///n/a.txt", "Rates rose in March. Inflation slowed. Markets rallied."),
        new Doc("b", "news", "file:///n/b.txt", "🚀 Launches grew. Costs fell by half. Demand stayed high."),
        new Doc("z", "news", "file:///n/z.txt", "Zebra crossings were repainted. Traffic calmed."));
    Path cache = tmp.resolve("llm-cache");
    QaConfig qa = new QaConfig("llm", null, null, false, null, 3L, null, new QaConfig.Llm(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "local-test", null, 0.0, 1, 10_000, 10.0,
        2, 0.0, cache.toString(), null), null);
    var run1 = QaFixtures.context(spark, tmp.resolve("o1").toString(), qa, docs);
    new QaStage().run(run1.context);
    assertEquals(3, requests.get());
    List<Row> rows = run1.context.tables().read("questions").orderBy("question_id").collectAsList();
    assertEquals(2, rows.size());
    Row b = rows.get(1);
    assertEquals("llm:local-test", b.getString(4));
    assertEquals("llm:local-test:b:0", b.getString(0));
    Row ref = b.<Row>getList(3).get(0);
    assertEquals("🚀 Launches grew", ref.getString(3)); // trailing period dropped, as Chroma's search does
    assertEquals(0, ref.getInt(1));
    assertEquals(15, ref.getInt(2)); // code points: the rocket counts once
    Map<String, Object> stage = run1.context.manifest().stage("qa");
    assertEquals(Map.of("excerpt_not_found", 1), stage.get("rejected"));
    assertFalse(run1.context.manifest().toJson().contains("Bearer"));

    requests.set(0);
    var run2 = QaFixtures.context(spark, tmp.resolve("o2").toString(), qa, docs);
    new QaStage().run(run2.context);
    // accepted answers are served from the cache; z's answer was rejected, so it was not cached and is asked again
    assertEquals(1, requests.get(), "a rerun asks only for the rejected attempt");
    assertEquals(rows, run2.context.tables().read("questions").orderBy("question_id").collectAsList());
    assertTrue(Files.isDirectory(cache));
  }
}
