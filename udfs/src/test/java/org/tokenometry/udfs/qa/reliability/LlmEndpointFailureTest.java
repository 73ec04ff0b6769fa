package org.tokenometry.udfs.qa.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenometry.udfs.qa.ChatCompletionsClient;
import org.tokenometry.udfs.qa.LlmQuestionGenerator;
import org.tokenometry.udfs.qa.LoopbackChatServer;
import org.tokenometry.udfs.qa.LoopbackChatServer.Reply;

/**
 * Issue 17 item 10: an endpoint that refuses (401/403/404) or cannot be reached must stop the generation with
 * one message naming the URL and the status (never the key), instead of turning every attempt into a quiet
 * rejection; 429/5xx stay per-request (retried, then one failed attempt), as does a 400 for one prompt.
 */
class LlmEndpointFailureTest {
  private static final String KEY = "sk-secret-123";
  private static final String DOC = "Quarterly report. Net sales rose 9% to $575 billion. Costs fell.";

  private LoopbackChatServer server;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ChatCompletionsClient client(String baseUrl) {
    return new ChatCompletionsClient(new ChatCompletionsClient.Settings(baseUrl, "test-model", KEY, 0.0,
        Duration.ofSeconds(5), 3, 0, null, Duration.ofMillis(20)));
  }

  private static LlmQuestionGenerator generator(ChatCompletionsClient c, int questions) {
    return new LlmQuestionGenerator(c, new LlmQuestionGenerator.Settings(questions, 10_000, 98));
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 404})
  void aRefusingEndpointStopsAtTheFirstAnswerNamingUrlAndStatusButNotTheKey(int status) {
    // servers echo (part of) the key they refused: the message must not repeat it
    server.otherwise(Reply.status(status, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
        + "\"}}"));
    ChatCompletionsClient c = client(server.baseUrl());
    Exception e = assertThrows(Exception.class, () -> generator(c, 3).generate("d1", DOC, 1));
    assertEquals(1, server.requests.get(), "a refusal is neither retried nor asked again for the next attempt");
    assertTrue(e.getMessage().contains(server.baseUrl()), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void anUnreachableEndpointFailsAfterItsRetries() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort(); // closed again when this block ends: nothing listens there
    }
    String url = "http://127.0.0.1:" + closedPort + "/v1";
    ChatCompletionsClient c = client(url);
    Exception e = assertThrows(Exception.class, () -> generator(c, 3).generate("d1", DOC, 1));
    assertEquals(4, c.requests(), "connection attempts: 1 + max_retries 3, then no further document attempts");
    assertEquals(3, c.retries());
    assertTrue(e.getMessage().contains(url), e.getMessage());
    assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
  }

  @Test
  void serverErrorsAreRetriedThenOneAttemptFailsAndTheNextOneIsAsked() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.then(Reply.status(503, "busy"));
    }
    server.then(Reply.ok(LoopbackChatServer.answer("What fell?", "Costs fell.")));
    ChatCompletionsClient c = client(server.baseUrl());
    var result = generator(c, 2).generate("d1", DOC, 1);
    assertEquals(1, result.questions().size());
    assertEquals(Map.of("request_failed", 1), result.rejected());
    assertEquals(5, server.requests.get());
    assertEquals(3, c.retries());
  }

  @Test
  void aBadRequestFailsThatAttemptOnlyAndIsNotRetried() throws Exception {
    server.then(Reply.status(400, "{\"error\":\"context length exceeded\"}"));
    server.then(Reply.ok(LoopbackChatServer.answer("What fell?", "Costs fell.")));
    ChatCompletionsClient c = client(server.baseUrl());
    var result = generator(c, 2).generate("d1", DOC, 1);
    assertEquals(1, result.questions().size());
    assertEquals(Map.of("request_failed", 1), result.rejected());
    assertEquals(2, server.requests.get());
  }
}
