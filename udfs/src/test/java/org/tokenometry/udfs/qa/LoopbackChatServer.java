package org.tokenometry.udfs.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback server that plays an OpenAI-compatible {@code POST /v1/chat/completions} endpoint from a script of
 * replies (the only stand-in the LLM tests use). When the script runs out it answers with {@link #fallback}
 * (HTTP 500 unless set). It records every request's Authorization header and JSON body.
 */
public final class LoopbackChatServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A scripted reply: status, optional Retry-After, delay before answering, and the assistant content (from the
   * user prompt) for 200, or the raw body for other statuses.
   */
  public record Reply(int status, String retryAfter, long delayMillis, Function<String, String> content) {
    public static Reply ok(String content) {
      return new Reply(200, null, 0, p -> content);
    }

    public static Reply ok(Function<String, String> content) {
      return new Reply(200, null, 0, content);
    }

    public static Reply status(int status, String body) {
      return new Reply(status, null, 0, p -> body);
    }
  }

  private final HttpServer server;
  private final Deque<Reply> script = new ArrayDeque<>();
  private volatile Function<String, Reply> fallback = p -> Reply.status(500, "{\"error\":\"script exhausted\"}");
  public final AtomicInteger requests = new AtomicInteger();
  public final List<String> authHeaders = Collections.synchronizedList(new ArrayList<>());
  public final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());

  public LoopbackChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>/v1}, the base URL a config names. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public LoopbackChatServer then(Reply r) {
    synchronized (script) {
      script.add(r);
    }
    return this;
  }

  /** The reply for every request once the script is empty. */
  public LoopbackChatServer otherwise(Reply r) {
    fallback = p -> r;
    return this;
  }

  /** The reply, chosen from the user prompt, for every request once the script is empty. */
  public LoopbackChatServer route(Function<String, Reply> byPrompt) {
    fallback = byPrompt;
    return this;
  }

  /** The user prompt ({@code messages[1].content}) of each request, in order. */
  public List<String> userPrompts() {
    synchronized (bodies) {
      return bodies.stream().map(b -> b.path("messages").path(1).path("content").asText()).toList();
    }
  }

  /** The passage between {@code <passage>} tags of a user prompt. */
  public static String passage(String userPrompt) {
    return userPrompt.substring(userPrompt.indexOf("<passage>\n") + 10, userPrompt.indexOf("\n</passage>"));
  }

  /** A model answer {@code {"question": ..., "references": [{"content": ...}]}}. */
  public static String answer(String question, String... excerpts) {
    List<Map<String, String>> refs = new ArrayList<>();
    for (String e : excerpts) {
      refs.add(Map.of("content", e));
    }
    try {
      return JSON.writeValueAsString(Map.of("question", question, "references", refs));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    authHeaders.add(ex.getRequestHeaders().getFirst("Authorization"));
    JsonNode body = JSON.readTree(ex.getRequestBody());
    bodies.add(body);
    String userPrompt = body.path("messages").path(1).path("content").asText();
    Reply r;
    synchronized (script) {
      r = script.isEmpty() ? null : script.poll();
    }
    if (r == null) {
      r = fallback.apply(userPrompt);
    }
    try {
      Thread.sleep(r.delayMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] out;
    if (r.status() == 200) {
      Map<String, Object> resp = Map.of("id", "x", "object", "chat.completion", "choices", List.of(Map.of(
          "index", 0, "message", Map.of("role", "assistant", "content", r.content().apply(userPrompt)))));
      out = JSON.writeValueAsBytes(resp);
    } else {
      out = r.content().apply(userPrompt).getBytes(StandardCharsets.UTF_8);
    }
    if (r.retryAfter() != null) {
      ex.getResponseHeaders().add("Retry-After", r.retryAfter());
    }
    ex.getResponseHeaders().add("Content-Type", "application/json");
    try {
      ex.sendResponseHeaders(r.status(), out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    } catch (IOException e) {
      // the client gave up (timeout test); nothing to answer
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
