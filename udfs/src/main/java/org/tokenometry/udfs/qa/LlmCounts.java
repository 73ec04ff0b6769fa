package org.tokenometry.udfs.qa;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the LLM path did, by name: HTTP requests, retries, answers, cache hits, failed attempts, responses by
 * status, rejections by reason. Thread-safe; {@link #asMap()} is what travels from executors to the manifest
 * ({@code stages.qa.llm}).
 */
public final class LlmCounts {
  /** Questions asked for: one per question the generator tries for a document. */
  public static final String ATTEMPTS = "attempts";
  /** Attempts whose answer became a question (before the stage re-verifies its references). */
  public static final String ACCEPTED = "accepted";
  /** HTTP requests sent, retries included. */
  public static final String REQUESTS = "requests";
  /** Requests that repeated an earlier one after a 429/5xx, a timeout or a failed connection. */
  public static final String RETRIES = "retries";
  /** HTTP 2xx answers received. */
  public static final String ANSWERS = "answers";
  /** Attempts answered from the cache (accepted answers only are cached). */
  public static final String CACHE_HITS = "cache_hits";
  /** Cached answers the checks now refuse (e.g. a cache written by an older version): asked again. */
  public static final String CACHE_DISCARDED = "cache_discarded";
  /** Attempts that got no answer: retries exhausted, or a 4xx that only concerns that request. */
  public static final String FAILED_REQUESTS = "failed_requests";
  /** Prefix of the per-status counts: {@code response:200}, {@code response:429}, {@code response:timeout}. */
  public static final String RESPONSE = "response:";
  /** Prefix of the per-reason rejection counts: {@code rejected:excerpt_not_found}. */
  public static final String REJECTED = "rejected:";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void add(String name, long n) {
    counts.computeIfAbsent(name, k -> new LongAdder()).add(n);
  }

  public void increment(String name) {
    add(name, 1);
  }

  public long get(String name) {
    LongAdder a = counts.get(name);
    return a == null ? 0 : a.sum();
  }

  /** Every count, sorted by name. */
  public Map<String, Long> asMap() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
