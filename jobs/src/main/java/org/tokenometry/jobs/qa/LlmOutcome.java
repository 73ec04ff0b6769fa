package org.tokenometry.jobs.qa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tokenometry.udfs.qa.LlmCounts;

/**
 * What the LLM generation did, from the counts of every task: the manifest section {@code stages.qa.llm}, the
 * console line, and whether the stage must fail although no request was refused outright (no attempt got an
 * answer, or no answer gave a question: writing an empty table over the previous one would look like success).
 */
final class LlmOutcome {
  private final String endpoint;
  private final String model;
  private final Map<String, Long> counts;

  LlmOutcome(String endpoint, String model, Map<String, Long> counts) {
    this.endpoint = endpoint;
    this.model = model;
    this.counts = counts;
  }

  private long n(String key) {
    return counts.getOrDefault(key, 0L);
  }

  /** Counts whose names start with {@code prefix}, by the rest of the name. */
  private Map<String, Long> byPrefix(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /** {@code stages.qa.llm}. */
  Map<String, Object> section() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("endpoint", endpoint);
    s.put("model", model);
    s.put(LlmCounts.ATTEMPTS, n(LlmCounts.ATTEMPTS));
    s.put(LlmCounts.ACCEPTED, n(LlmCounts.ACCEPTED));
    for (String k : List.of(LlmCounts.REQUESTS, LlmCounts.RETRIES, LlmCounts.ANSWERS, LlmCounts.FAILED_REQUESTS,
        LlmCounts.CACHE_HITS, LlmCounts.CACHE_DISCARDED)) {
      s.put(k, n(k));
    }
    s.put("responses", byPrefix(LlmCounts.RESPONSE));
    s.put("rejected", byPrefix(LlmCounts.REJECTED));
    return s;
  }

  /** "http://h/v1: 5 requests, 3 answers, 2 retries (HTTP 429: 1, HTTP 503: 1), 0 attempts failed, ...". */
  String line() {
    List<String> problems = new ArrayList<>();
    byPrefix(LlmCounts.RESPONSE).forEach((status, k) -> {
      if (!status.startsWith("2")) {
        problems.add(words(status) + ": " + k);
      }
    });
    return endpoint + ": " + plural(n(LlmCounts.REQUESTS), "request", "requests") + ", "
        + plural(n(LlmCounts.ANSWERS), "answer", "answers") + ", "
        + plural(n(LlmCounts.RETRIES), "retry", "retries")
        + (problems.isEmpty() ? "" : " (" + String.join(", ", problems) + ")") + ", "
        + plural(n(LlmCounts.FAILED_REQUESTS), "attempt failed", "attempts failed") + ", "
        + plural(n(LlmCounts.CACHE_HITS), "answer from the cache", "answers from the cache");
  }

  /**
   * Why the stage fails although every task finished: attempts were made and none produced a question. Empty
   * when at least one question was accepted (or there was nothing to ask).
   */
  Optional<String> failure() {
    if (n(LlmCounts.ATTEMPTS) == 0 || n(LlmCounts.ACCEPTED) > 0) {
      return Optional.empty();
    }
    String statuses = String.join(", ", byPrefix(LlmCounts.RESPONSE).entrySet().stream()
        .filter(e -> !e.getKey().startsWith("2")).map(e -> words(e.getKey()) + ": " + e.getValue()).toList());
    if (n(LlmCounts.ANSWERS) == 0 && n(LlmCounts.CACHE_HITS) == 0) {
      return Optional.of("every request to " + endpoint + " failed (" + plural(n(LlmCounts.REQUESTS), "request",
          "requests") + (statuses.isEmpty() ? "" : ": " + statuses) + "); no questions written, the previous "
          + "questions table is kept");
    }
    List<String> reasons = new ArrayList<>();
    byPrefix(LlmCounts.REJECTED).forEach((r, k) -> reasons.add(r + ": " + k));
    return Optional.of("no answer from " + endpoint + " gave a usable question (" + plural(n(LlmCounts.ATTEMPTS),
        "attempt", "attempts") + ", rejected " + String.join(", ", reasons) + "); no questions written, the "
        + "previous questions table is kept");
  }

  /** "HTTP 503", "timeout", "connection failed" for a response key. */
  private static String words(String status) {
    if (Character.isDigit(status.charAt(0))) {
      return "HTTP " + status;
    }
    return switch (status) {
      case "connect_failed" -> "connection failed";
      case "io_error" -> "I/O error";
      default -> status.replace('_', ' ');
    };
  }

  static String plural(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }
}
