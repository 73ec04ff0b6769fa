package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;

/**
 * Qa stage settings: where questions come from ({@code mode}: import, extractive or llm) and how they are
 * checked. Every question that reaches the {@code questions} table has references verified against
 * {@code documents}; {@code keep_unverified: true} keeps the others too, with their mismatch reason as status.
 *
 * @param corpora corpora of {@code documents} to generate questions for (empty = all)
 * @param imports question files for mode import, each resolved against one corpus
 * @param maxReferenceSpan optional: references of one question spread over more code points than this are
 *     reported as {@code span_exceeds_window} (4000 for files from Chroma-style generators, whose model sees a
 *     4000-character window)
 * @param seed makes extractive questions and LLM windows reproducible
 * @param dedupThreshold optional cosine threshold for dropping near-duplicate questions (needs an embedder)
 */
public record QaConfig(
    @JsonProperty("mode") String mode,
    @JsonProperty("corpora") List<String> corpora,
    @JsonProperty("imports") List<ImportFile> imports,
    @JsonProperty("keep_unverified") Boolean keepUnverified,
    @JsonProperty("max_reference_span") Integer maxReferenceSpan,
    @JsonProperty("seed") Long seed,
    @JsonProperty("extractive") Extractive extractive,
    @JsonProperty("llm") Llm llm,
    @JsonProperty("dedup_threshold") Double dedupThreshold) {

  public static final List<String> MODES = List.of("import", "extractive", "llm");

  public QaConfig {
    mode = mode == null ? "extractive" : mode;
    Checks.oneOf("mode", "qa.mode", mode, MODES);
    corpora = corpora == null ? List.of() : List.copyOf(corpora);
    imports = imports == null ? List.of() : List.copyOf(imports);
    keepUnverified = keepUnverified != null && keepUnverified;
    seed = seed == null ? 42L : seed;
    extractive = extractive == null ? Extractive.defaults() : extractive;
    llm = llm == null ? Llm.defaults() : llm;
    if ("import".equals(mode) && imports.isEmpty()) {
      throw ConfigException.at("mode", "qa.mode import needs qa.imports: a list of {path, corpus} question files");
    }
    if (dedupThreshold != null && (dedupThreshold <= 0 || dedupThreshold > 1)) {
      throw ConfigException.at("dedup_threshold", "qa.dedup_threshold must be in (0, 1], got " + dedupThreshold);
    }
    Checks.atLeast("max_reference_span", "qa.max_reference_span", maxReferenceSpan, 1);
  }

  public static QaConfig defaults() {
    return new QaConfig(null, null, null, null, null, null, null, null, null);
  }

  /** Import file paths resolve against the config's folder, like corpus paths. */
  public QaConfig resolvePaths(Path base) {
    List<ImportFile> resolved = imports.stream()
        .map(f -> new ImportFile(ConfigLoader.resolve(base, f.path()), f.corpus(), f.format())).toList();
    Llm l = llm.cacheDir() == null ? llm : llm.withCacheDir(ConfigLoader.resolve(base, llm.cacheDir()));
    return new QaConfig(mode, corpora, resolved, keepUnverified, maxReferenceSpan, seed, extractive, l,
        dedupThreshold);
  }

  /**
   * One question file to import.
   *
   * @param corpus the corpus of {@code documents} whose source file stems the rows' corpus_id name
   * @param format auto (by extension), csv, jsonl or parquet
   */
  public record ImportFile(
      @JsonProperty("path") String path,
      @JsonProperty("corpus") String corpus,
      @JsonProperty("format") String format) {
    public ImportFile {
      if (path == null || path.isBlank()) {
        throw ConfigException.at("path", "every entry of qa.imports needs a 'path'");
      }
      if (corpus == null || corpus.isBlank()) {
        throw ConfigException.at("corpus", "qa.imports entry " + path + " needs 'corpus': the corpus its "
            + "corpus_id values refer to");
      }
      format = format == null ? "auto" : format;
      Checks.oneOf("format", "qa.imports entry " + path + " format", format,
          List.of("auto", "csv", "jsonl", "parquet"));
    }
  }

  /** Offline extractive generator settings. */
  public record Extractive(
      @JsonProperty("questions_per_document") Integer questionsPerDocument,
      @JsonProperty("window_chars") Integer windowChars,
      @JsonProperty("max_references") Integer maxReferences,
      @JsonProperty("min_sentence_chars") Integer minSentenceChars,
      @JsonProperty("max_sentence_chars") Integer maxSentenceChars) {
    public Extractive {
      questionsPerDocument = questionsPerDocument == null ? 5 : questionsPerDocument;
      windowChars = windowChars == null ? 2000 : windowChars;
      maxReferences = maxReferences == null ? 5 : maxReferences;
      minSentenceChars = minSentenceChars == null ? 40 : minSentenceChars;
      maxSentenceChars = maxSentenceChars == null ? 400 : maxSentenceChars;
      if (maxReferences < 1 || maxReferences > 5) {
        throw ConfigException.at("max_references", "qa.extractive.max_references must be 1..5, got "
            + maxReferences);
      }
      Checks.atLeast("questions_per_document", "qa.extractive.questions_per_document", questionsPerDocument, 1);
      Checks.atLeast("window_chars", "qa.extractive.window_chars", windowChars, 1);
      Checks.atLeast("min_sentence_chars", "qa.extractive.min_sentence_chars", minSentenceChars, 1);
      Checks.atLeast("max_sentence_chars", "qa.extractive.max_sentence_chars", maxSentenceChars, minSentenceChars);
    }

    public static Extractive defaults() {
      return new Extractive(null, null, null, null, null);
    }
  }

  /**
   * LLM generator settings for an OpenAI-compatible chat-completions endpoint. The key itself is never in the
   * config: {@code api_key_env} names the environment variable that holds it (on a cluster, pass it to
   * executors with {@code spark.executorEnv.<NAME>}). {@code cache_dir} must be reachable from every executor
   * (a shared path), or run generation with a local master.
   */
  public record Llm(
      @JsonProperty("base_url") String baseUrl,
      @JsonProperty("model") String model,
      @JsonProperty("api_key_env") String apiKeyEnv,
      @JsonProperty("temperature") Double temperature,
      @JsonProperty("questions_per_document") Integer questionsPerDocument,
      @JsonProperty("window_chars") Integer windowChars,
      @JsonProperty("timeout_seconds") Double timeoutSeconds,
      @JsonProperty("max_retries") Integer maxRetries,
      @JsonProperty("requests_per_second") Double requestsPerSecond,
      @JsonProperty("cache_dir") String cacheDir,
      @JsonProperty("fuzzy_threshold") Integer fuzzyThreshold) {
    public Llm {
      temperature = temperature == null ? 0.0 : temperature;
      questionsPerDocument = questionsPerDocument == null ? 5 : questionsPerDocument;
      windowChars = windowChars == null ? 4000 : windowChars;
      timeoutSeconds = timeoutSeconds == null ? 120.0 : timeoutSeconds;
      maxRetries = maxRetries == null ? 5 : maxRetries;
      requestsPerSecond = requestsPerSecond == null ? 2.0 : requestsPerSecond;
      fuzzyThreshold = fuzzyThreshold == null ? 98 : fuzzyThreshold;
      Checks.atLeast("temperature", "qa.llm.temperature", temperature, 0);
      Checks.atLeast("questions_per_document", "qa.llm.questions_per_document", questionsPerDocument, 1);
      Checks.atLeast("window_chars", "qa.llm.window_chars", windowChars, 1);
      Checks.positive("timeout_seconds", "qa.llm.timeout_seconds", timeoutSeconds);
      Checks.atLeast("max_retries", "qa.llm.max_retries", maxRetries, 0);
      if (fuzzyThreshold < 0 || fuzzyThreshold > 100) {
        throw ConfigException.at("fuzzy_threshold", "qa.llm.fuzzy_threshold must be 0..100, got " + fuzzyThreshold);
      }
    }

    public static Llm defaults() {
      return new Llm(null, null, null, null, null, null, null, null, null, null, null);
    }

    Llm withCacheDir(String dir) {
      return new Llm(baseUrl, model, apiKeyEnv, temperature, questionsPerDocument, windowChars, timeoutSeconds,
          maxRetries, requestsPerSecond, dir, fuzzyThreshold);
    }
  }
}
