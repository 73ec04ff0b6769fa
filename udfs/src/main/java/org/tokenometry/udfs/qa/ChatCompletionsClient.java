package org.tokenometry.udfs.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client for any OpenAI-compatible {@code POST <base_url>/chat/completions} endpoint. Accepted answers are
 * cached on disk by sha256(model + prompt). What each failure means is {@link EndpointStatus}'s: 429, 5xx,
 * timeouts and failed connections are retried with exponential backoff (a Retry-After header wins); a refusal
 * (401, 403, 404, ...) or a connection that fails on every retry is fatal ({@link LlmGenerationFailure}); any
 * other 4xx fails that request only. Requests to one endpoint are spaced to at most {@code requestsPerSecond}
 * per JVM (per executor on a cluster). The API key goes into the Authorization header only: it is never logged,
 * cached or part of an error message (error bodies are scrubbed of it).
 */
public final class ChatCompletionsClient {
  /** One chat message. */
  public record Message(String role, String content) {}

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:8000/v1} (the path {@code /chat/completions} is appended)
   * @param apiKey null or blank for servers without authentication
   * @param requestsPerSecond 0 or less = no limit
   * @param cacheDir null = no cache
   * @param initialBackoff first retry delay; doubled on each further retry
   */
  public record Settings(String baseUrl, String model, String apiKey, double temperature, Duration timeout,
      int maxRetries, double requestsPerSecond, Path cacheDir, Duration initialBackoff) {
    @Override
    public String toString() { // keeps the key out of any log line that prints settings
      return "Settings[baseUrl=" + baseUrl + ", model=" + model + ", temperature=" + temperature + ", timeout="
          + timeout + ", maxRetries=" + maxRetries + ", requestsPerSecond=" + requestsPerSecond + ", cacheDir="
          + cacheDir + "]";
    }
  }

  /**
   * Checks an answer and turns it into the caller's result, or refuses it with {@link GenerationRejected}.
   * Only accepted answers are cached, so a refused one is asked again, never replayed.
   */
  @FunctionalInterface
  public interface AnswerCheck<T> {
    T accept(String answer) throws GenerationRejected;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MAX_WAIT = Duration.ofMinutes(2);

  private final Settings settings;
  private final HttpClient http;
  private final ResponseCache cache;
  private final LlmCounts counts;
  private final RateLimit rateLimit;

  /** Request spacing shared by every client of one endpoint in this JVM (Spark runs one client per task). */
  private static final class RateLimit {
    private long nextSlotNanos = System.nanoTime();
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, RateLimit> LIMITS =
      new java.util.concurrent.ConcurrentHashMap<>();

  public ChatCompletionsClient(Settings settings) {
    this(settings, new LlmCounts());
  }

  /** @param counts where requests, retries, answers, cache hits and responses are counted */
  public ChatCompletionsClient(Settings settings, LlmCounts counts) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.cache = settings.cacheDir() == null ? null : new ResponseCache(settings.cacheDir());
    this.counts = counts;
    this.rateLimit = LIMITS.computeIfAbsent(settings.baseUrl(), k -> new RateLimit());
  }

  /** {@code baseUrl} as messages show it: without user info (a password in a URL is as secret as the key). */
  public static String display(String baseUrl) {
    return baseUrl == null ? null : EndpointStatus.display(URI.create(baseUrl));
  }

  /** HTTP requests sent (retries included). */
  public long requests() {
    return counts.get(LlmCounts.REQUESTS);
  }

  public long cacheHits() {
    return counts.get(LlmCounts.CACHE_HITS);
  }

  public long retries() {
    return counts.get(LlmCounts.RETRIES);
  }

  public LlmCounts counts() {
    return counts;
  }

  /**
   * The assistant's answer, as {@code check} accepts it. A cached answer for this exact prompt is used when the
   * check accepts it (otherwise it is dropped and the endpoint asked); an answer from the endpoint is cached
   * only once accepted.
   *
   * @throws GenerationRejected the check refused the answer (or it was not a chat-completions answer)
   * @throws IOException this request got no answer (retries exhausted, or a 4xx that concerns only it)
   * @throws LlmGenerationFailure the endpoint refused or cannot be reached: no later request can do better
   */
  public <T> T complete(List<Message> messages, AnswerCheck<T> check)
      throws IOException, InterruptedException, GenerationRejected, LlmGenerationFailure {
    String key = ResponseCache.key(settings.model(), promptOf(messages));
    if (cache != null) {
      Optional<String> hit = cache.get(key);
      if (hit.isPresent()) {
        try {
          T accepted = check.accept(hit.get());
          counts.increment(LlmCounts.CACHE_HITS);
          return accepted;
        } catch (GenerationRejected e) {
          counts.increment(LlmCounts.CACHE_DISCARDED);
          cache.remove(key);
        }
      }
    }
    String answer = answerOf(send(requestBody(messages)));
    T accepted = check.accept(answer);
    if (cache != null) {
      cache.put(key, answer);
    }
    return accepted;
  }

  private String send(String body) throws IOException, InterruptedException, LlmGenerationFailure {
    URI uri = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/chat/completions");
    String where = "chat completions at " + EndpointStatus.display(uri);
    HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      rb.header("Authorization", "Bearer " + settings.apiKey());
    }
    HttpRequest request = rb.build();
    String lastProblem = null;
    int connectFailures = 0;
    for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
      if (attempt > 0) {
        counts.increment(LlmCounts.RETRIES);
      }
      awaitRateLimit();
      counts.increment(LlmCounts.REQUESTS);
      Duration wait = backoff(attempt);
      HttpResponse<String> resp = null;
      try {
        resp = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) { // HttpTimeoutException included
        String connect = EndpointStatus.connectFailure(e, uri);
        if (connect != null) {
          connectFailures++;
          lastProblem = connect;
        } else if (e instanceof HttpTimeoutException) {
          lastProblem = "timeout after " + settings.timeout().toSeconds() + " s";
        } else {
          lastProblem = redact(String.valueOf(e.getMessage()));
        }
        counts.increment(LlmCounts.RESPONSE + (connect != null ? "connect_failed"
            : e instanceof HttpTimeoutException ? "timeout" : "io_error"));
      }
      if (resp != null) {
        int code = resp.statusCode();
        counts.increment(LlmCounts.RESPONSE + code);
        if (code / 100 == 2) {
          counts.increment(LlmCounts.ANSWERS);
          return resp.body();
        }
        String said = where + " answered HTTP " + code + EndpointStatus.reason(code) + ": " + snippet(resp.body());
        switch (EndpointStatus.of(code)) {
          case FATAL -> throw new LlmGenerationFailure(said + "; " + EndpointStatus.hint(code, settings.model(),
              resp.headers().firstValue("Location").orElse(null)));
          case THIS_REQUEST -> {
            counts.increment(LlmCounts.FAILED_REQUESTS);
            throw new IOException(said);
          }
          case RETRY -> {
            lastProblem = "HTTP " + code;
            wait = retryAfter(resp).orElse(wait);
          }
        }
      }
      if (attempt < settings.maxRetries()) {
        Thread.sleep(Math.min(wait.toMillis(), MAX_WAIT.toMillis()));
      }
    }
    int attempts = settings.maxRetries() + 1;
    if (connectFailures == attempts) {
      throw new LlmGenerationFailure("cannot connect to " + where + " after " + attempts + " attempts: "
          + lastProblem + "; check qa.llm.base_url and that the server is running");
    }
    counts.increment(LlmCounts.FAILED_REQUESTS);
    throw new IOException(where + " failed after " + attempts + " attempts; last problem: " + lastProblem);
  }

  /** The first 200 characters of an error body on one line, without the key (servers echo what they refused). */
  private String snippet(String body) {
    if (body == null) {
      return "";
    }
    String s = redact(body.replaceAll("\\s+", " ").strip()); // before the cut: no half key survives it
    return s.substring(0, Math.min(200, s.length()));
  }

  private String redact(String text) {
    String key = settings.apiKey();
    return key == null || key.isBlank() ? text : text.replace(key, "<api key>");
  }

  private Duration backoff(int attempt) {
    return settings.initialBackoff().multipliedBy(1L << Math.min(attempt, 16));
  }

  /** Retry-After in seconds (the HTTP-date form is rare for APIs and treated as absent). */
  private static Optional<Duration> retryAfter(HttpResponse<?> resp) {
    return resp.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v.strip()) * 1000)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private void awaitRateLimit() throws InterruptedException {
    if (settings.requestsPerSecond() <= 0) {
      return;
    }
    long slot;
    synchronized (rateLimit) {
      long now = System.nanoTime();
      slot = Math.max(now, rateLimit.nextSlotNanos);
      rateLimit.nextSlotNanos = slot + (long) (1e9 / settings.requestsPerSecond());
    }
    long sleep = slot - System.nanoTime();
    if (sleep > 0) {
      Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
    }
  }

  private String requestBody(List<Message> messages) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", settings.model());
    root.put("temperature", settings.temperature());
    ArrayNode arr = root.putArray("messages");
    for (Message m : messages) {
      arr.addObject().put("role", m.role()).put("content", m.content());
    }
    return JSON.writeValueAsString(root);
  }

  /** The cache key's prompt part: every message with its role, plus the temperature that shapes answers. */
  private String promptOf(List<Message> messages) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("temperature", settings.temperature());
    ArrayNode arr = root.putArray("messages");
    for (Message m : messages) {
      arr.addObject().put("role", m.role()).put("content", m.content());
    }
    return JSON.writeValueAsString(root);
  }

  /** The assistant's text of a 2xx body; anything else is a malformed answer, rejected like a bad question. */
  private static String answerOf(String body) throws GenerationRejected {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new GenerationRejected("malformed_response", "the answer is not JSON: " + e.getOriginalMessage());
    }
    JsonNode content = root == null ? null : root.path("choices").path(0).path("message").path("content");
    if (content == null || !content.isTextual()) {
      throw new GenerationRejected("malformed_response", "the answer lacks choices[0].message.content");
    }
    return content.asText();
  }
}
