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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client for any OpenAI-compatible {@code POST <base_url>/chat/completions} endpoint. Answers are cached
 * on disk by sha256(model + prompt); 429, 5xx and timeouts are retried with exponential backoff (a
 * Retry-After header wins); requests to one endpoint are spaced to at most {@code requestsPerSecond} per JVM (per executor on a
 * cluster). The API key
 * goes into the Authorization header only: it is never logged and never part of an error message.
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

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MAX_WAIT = Duration.ofMinutes(2);

  private final Settings settings;
  private final HttpClient http;
  private final ResponseCache cache;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong cacheHits = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final RateLimit rateLimit;

  /** Request spacing shared by every client of one endpoint in this JVM (Spark runs one client per task). */
  private static final class RateLimit {
    private long nextSlotNanos = System.nanoTime();
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, RateLimit> LIMITS =
      new java.util.concurrent.ConcurrentHashMap<>();

  public ChatCompletionsClient(Settings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.cache = settings.cacheDir() == null ? null : new ResponseCache(settings.cacheDir());
    this.rateLimit = LIMITS.computeIfAbsent(settings.baseUrl(), k -> new RateLimit());
  }

  /** HTTP requests sent (retries included). */
  public long requests() {
    return requests.get();
  }

  public long cacheHits() {
    return cacheHits.get();
  }

  public long retries() {
    return retries.get();
  }

  /** The assistant's answer text, from the cache when this exact prompt was answered before. */
  public String complete(List<Message> messages) throws IOException, InterruptedException {
    String body = requestBody(messages);
    String key = ResponseCache.key(settings.model(), promptOf(messages));
    if (cache != null) {
      Optional<String> hit = cache.get(key);
      if (hit.isPresent()) {
        cacheHits.incrementAndGet();
        return hit.get();
      }
    }
    String answer = send(body);
    if (cache != null) {
      cache.put(key, answer);
    }
    return answer;
  }

  private String send(String body) throws IOException, InterruptedException {
    URI uri = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/chat/completions");
    HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      rb.header("Authorization", "Bearer " + settings.apiKey());
    }
    HttpRequest request = rb.build();
    String lastProblem = null;
    for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
      if (attempt > 0) {
        retries.incrementAndGet();
      }
      awaitRateLimit();
      requests.incrementAndGet();
      Duration wait;
      try {
        HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString());
        int code = resp.statusCode();
        if (code / 100 == 2) {
          return answerOf(resp.body());
        }
        String snippet = resp.body() == null ? "" : resp.body().substring(0, Math.min(200, resp.body().length()));
        if (code != 429 && code / 100 != 5) {
          throw new IOException("chat completions at " + uri + " answered HTTP " + code + ": " + snippet);
        }
        lastProblem = "HTTP " + code;
        wait = retryAfter(resp).orElse(backoff(attempt));
      } catch (HttpTimeoutException e) {
        lastProblem = "timeout after " + settings.timeout().toSeconds() + " s";
        wait = backoff(attempt);
      }
      if (attempt < settings.maxRetries()) {
        Thread.sleep(Math.min(wait.toMillis(), MAX_WAIT.toMillis()));
      }
    }
    throw new IOException("chat completions at " + uri + " failed after " + (settings.maxRetries() + 1)
        + " attempts; last problem: " + lastProblem);
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

  private static String answerOf(String body) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("chat completions answer is not JSON: " + e.getOriginalMessage());
    }
    JsonNode content = root.path("choices").path(0).path("message").path("content");
    if (!content.isTextual()) {
      throw new IOException("chat completions answer lacks choices[0].message.content");
    }
    return content.asText();
  }
}
