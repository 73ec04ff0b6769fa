package org.tokenometry.udfs.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.udfs.qa.LoopbackChatServer.Reply;

/** The LLM generator against a loopback server that speaks the chat-completions protocol. */
class LlmQuestionGeneratorTest {
  private static final String DOC = "Quarterly report. Net sales rose 9% to $575 billion. "
      + "Operating income grew to $37 billion.\nThe company repurchased shares worth $10 billion. Costs fell.";

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

  private ChatCompletionsClient client(Path cache, Duration timeout) {
    return new ChatCompletionsClient(new ChatCompletionsClient.Settings(
        server.baseUrl(), "test-model", "sk-secret-123", 0.0,
        timeout, 3, 0, cache, Duration.ofMillis(50)));
  }

  private LlmQuestionGenerator generator(ChatCompletionsClient c, int questions, int window) {
    return new LlmQuestionGenerator(c, new LlmQuestionGenerator.Settings(questions, window, 98));
  }

  private static String answer(String question, String... excerpts) {
    return LoopbackChatServer.answer(question, excerpts);
  }

  @Test
  void goodAnswerWithThinkBlockIsAlignedAndSentWithTheKey() throws Exception {
    server.then(Reply.ok("<think>The user wants a question. Let me find {\"sales\"}...</think>\n```json\n"
        + answer("How much did net sales and operating income grow?", "Net sales rose 9% to $575 billion.",
            "operating income grew to $37 billion") + "\n```"));
    var result = generator(client(null, Duration.ofSeconds(5)), 1, 10_000).generate("d1", DOC, 7);
    assertEquals(Map.of(), result.rejected());
    GeneratedQuestion q = result.questions().get(0);
    assertEquals("How much did net sales and operating income grow?", q.question());
    assertEquals(2, q.references().size());
    Reference r0 = q.references().get(0);
    assertEquals(DOC.indexOf("Net sales"), r0.start());
    assertEquals("Net sales rose 9% to $575 billion", r0.content());
    assertEquals("Operating income grew to $37 billion", q.references().get(1).content());
    assertEquals("Bearer sk-secret-123", server.authHeaders.get(0));
    assertEquals("test-model", server.bodies.get(0).path("model").asText());
  }

  @Test
  void offsetsAreWindowStartPlusLocalOffsetForEveryReference() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      sb.append("Sentence number ").append(i).append(" talks about topic ").append(i * 7).append(". ");
    }
    String doc = sb.toString();
    // the server quotes the second and fourth sentences of whatever passage it is shown
    Function<String, String> quoteShown = prompt -> {
      String passage = prompt.substring(prompt.indexOf("<passage>\n") + 10, prompt.indexOf("\n</passage>"));
      String[] s = passage.split("(?<=\\.) ");
      return answer("Which topics do sentences " + s[1].split(" ")[2] + " mention?", s[1], s[3]);
    };
    for (int i = 0; i < 3; i++) {
      server.then(new Reply(200, null, 0, quoteShown));
    }
    var result = generator(client(null, Duration.ofSeconds(5)), 3, 300).generate("d2", doc, 11);
    assertEquals(3, result.questions().size(), result.rejected().toString());
    for (GeneratedQuestion q : result.questions()) {
      assertEquals(2, q.references().size());
      for (Reference r : q.references()) {
        assertEquals(r.content(), doc.substring(r.start(), r.end()));
        assertTrue(r.content().startsWith("Sentence number "), r.content());
      }
      // the second reference is two sentences after the first, not shifted by the first one's offset
      Reference a = q.references().get(0);
      Reference b = q.references().get(1);
      String between = doc.substring(a.end(), b.start());
      assertEquals(2, between.split("\\. ").length - (between.endsWith(". ") ? 0 : 1), between);
    }
  }

  @Test
  void malformedJsonHallucinatedExcerptsAndUnterminatedThinkingAreRejectedByReason() throws Exception {
    server.then(Reply.ok("{\"question\": \"What rose?\", \"references\": [{\"content\": \"Net sales rose"));
    server.then(Reply.ok(answer("What did the CEO say?", "Net sales rose 9% to $575 billion.",
        "The CEO praised the team for a record year.")));
    server.then(Reply.ok("<think>still thinking about it"));
    server.then(Reply.ok(answer("Six refs?", "a", "b", "c", "d", "e", "f")));
    server.then(Reply.ok(answer("What fell?", "Costs fell.")));
    var result = generator(client(null, Duration.ofSeconds(5)), 5, 10_000).generate("d1", DOC, 3);
    assertEquals(1, result.questions().size());
    assertEquals("What fell?", result.questions().get(0).question());
    assertEquals(Map.of("malformed_json", 1, "excerpt_not_found", 1, "unterminated_think", 1,
        "too_many_references", 1), result.rejected());
  }

  @Test
  void retriesAfter429HonouringRetryAfterThenSucceeds() throws Exception {
    server.then(new Reply(429, "1", 0, p -> ""));
    server.then(new Reply(503, null, 0, p -> ""));
    server.then(Reply.ok(answer("What fell?", "Costs fell.")));
    ChatCompletionsClient c = client(null, Duration.ofSeconds(5));
    long t0 = System.nanoTime();
    var result = generator(c, 1, 10_000).generate("d1", DOC, 3);
    long waitedMs = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(1, result.questions().size());
    assertEquals(3, server.requests.get());
    assertEquals(2, c.retries());
    assertTrue(waitedMs >= 1000, "Retry-After: 1 must be honoured, waited " + waitedMs + " ms");
  }

  @Test
  void aTimeoutIsRetried() throws Exception {
    server.then(new Reply(200, null, 1500, p -> "{}"));
    server.then(Reply.ok(answer("What fell?", "Costs fell.")));
    ChatCompletionsClient c = client(null, Duration.ofMillis(400));
    var result = generator(c, 1, 10_000).generate("d1", DOC, 3);
    assertEquals(1, result.questions().size(), result.rejected().toString());
    assertEquals(1, c.retries());
  }

  @Test
  void givingUpIsARejectionThatNeverMentionsTheKey() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.then(new Reply(500, null, 0, p -> ""));
    }
    ChatCompletionsClient c = client(null, Duration.ofSeconds(5));
    IOException e = assertThrows(IOException.class, () -> c.complete(List.of(
        new ChatCompletionsClient.Message("user", "hi")), answer -> answer));
    assertEquals(4, server.requests.get()); // 1 + max_retries 3
    assertTrue(e.getMessage().contains("failed after 4 attempts; last problem: HTTP 500"), e.getMessage());
    assertFalse(e.getMessage().contains("sk-secret"));
    assertFalse(c.toString().contains("sk-secret"));
  }

  @Test
  void aSecondRunIsServedEntirelyFromTheCache() throws Exception {
    Path cache = tmp.resolve("cache");
    for (int i = 0; i < 3; i++) {
      int n = i;
      // quotes the start of whatever passage it is shown, so every answer is accepted (and cached)
      server.then(Reply.ok(p -> answer("Question " + n + "?", LoopbackChatServer.passage(p).substring(0, 20))));
    }
    var first = generator(client(cache, Duration.ofSeconds(5)), 3, 60).generate("d1", DOC, 5);
    assertEquals(3, server.requests.get());
    assertEquals(3, first.questions().size(), first.rejected().toString());
    int cachedFiles;
    try (var files = Files.walk(cache)) {
      cachedFiles = (int) files.filter(f -> f.toString().endsWith(".txt")).count();
    }
    assertEquals(3, cachedFiles);
    server.requests.set(0);
    ChatCompletionsClient again = client(cache, Duration.ofSeconds(5));
    var second = generator(again, 3, 60).generate("d1", DOC, 5);
    assertEquals(0, server.requests.get());
    assertEquals(3, again.cacheHits());
    assertEquals(first, second);
    try (var files = Files.walk(cache)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(Files.readString(f).contains("sk-secret"), "the cache must not hold the key");
      }
    }
  }
}
