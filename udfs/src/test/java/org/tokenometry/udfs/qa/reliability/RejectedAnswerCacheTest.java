package org.tokenometry.udfs.qa.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.udfs.qa.ChatCompletionsClient;
import org.tokenometry.udfs.qa.LlmQuestionGenerator;
import org.tokenometry.udfs.qa.LoopbackChatServer;
import org.tokenometry.udfs.qa.LoopbackChatServer.Reply;

/**
 * Issue 17 item 11: a rejected answer must never be replayed from the cache. The document is shorter than the
 * window, so every attempt before the first accepted question sends the same prompt: the cache must not turn
 * the second and third attempts into copies of the first rejected answer.
 */
class RejectedAnswerCacheTest {
  private static final String DOC = "Quarterly report. Net sales rose 9% to $575 billion. Costs fell.";
  private static final String GOOD = LoopbackChatServer.answer("What fell?", "Costs fell.");

  private LoopbackChatServer server;
  @TempDir Path tmp;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LlmQuestionGenerator generator(Path cache, int questions) {
    return new LlmQuestionGenerator(new ChatCompletionsClient(new ChatCompletionsClient.Settings(
        server.baseUrl(), "test-model", null, 0.0, Duration.ofSeconds(5), 1, 0, cache, Duration.ofMillis(20))),
        new LlmQuestionGenerator.Settings(questions, 10_000, 98));
  }

  private static List<Path> cacheFiles(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (var files = Files.walk(cache)) {
      return files.filter(f -> f.toString().endsWith(".txt")).toList();
    }
  }

  @Test
  void laterAttemptsAskAgainAfterARejectedAnswerAndOnlyTheAcceptedOneIsCached() throws Exception {
    Path cache = tmp.resolve("cache");
    server.then(Reply.ok("{\"question\": \"What rose?\", \"references\": [{\"content\": \"Net sal"));
    server.then(Reply.ok(LoopbackChatServer.answer("What did the CEO say?", "The CEO praised the team.")));
    server.then(Reply.ok(GOOD));
    var result = generator(cache, 3).generate("d1", DOC, 5);
    assertEquals(3, server.requests.get(), "each attempt after a rejection asks the endpoint again");
    assertEquals(List.of("What fell?"), result.questions().stream().map(q -> q.question()).toList());
    assertEquals(Map.of("malformed_json", 1, "excerpt_not_found", 1), result.rejected());
    List<Path> files = cacheFiles(cache);
    assertEquals(1, files.size(), "only the accepted answer is cached: " + files);
    assertTrue(Files.readString(files.get(0)).contains("What fell?"));
  }

  @Test
  void aCachedAnswerThatIsNoLongerAcceptedIsAskedAgainAndReplaced() throws Exception {
    Path cache = tmp.resolve("cache");
    server.then(Reply.ok(GOOD));
    assertEquals(1, generator(cache, 1).generate("d1", DOC, 5).questions().size());
    // a cache written before rejected answers were kept out of it: the same prompt's entry is a bad answer
    Path entry = cacheFiles(cache).get(0);
    Files.writeString(entry, "{\"question\": \"What rose?\", \"references\": [");
    server.requests.set(0);
    server.then(Reply.ok(GOOD));
    var again = generator(cache, 1).generate("d1", DOC, 5);
    assertEquals(1, server.requests.get(), "the bad cached answer is not replayed");
    assertEquals(Map.of(), again.rejected());
    assertEquals(1, again.questions().size());
    assertEquals(GOOD, Files.readString(entry));
  }
}
