package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tokenometry.udfs.metrics.BootstrapWeights;
import org.tokenometry.udfs.metrics.VocabCensus;
import org.tokenometry.udfs.perturb.Perturbations;

/**
 * Tokenize stage settings.
 *
 * @param pivotLang the language premiums are relative to (default eng_Latn)
 * @param referenceTokenizer the tokenizer nsl is relative to (default: the first of {@code tokenizers})
 * @param renyiAlpha α of the Rényi efficiency (default 2.5)
 * @param topTokens how many most frequent tokens coverage lists (default 20)
 * @param lexicons per-language word lists: a name from the lexicon registry (e.g. {@code tur_Latn: turkish},
 *     fetched by scripts/fetch-lexicons) or a file of one word per line (e.g. {@code eng_Latn: lexicons/en.txt})
 * @param tokenizerFiles explicit tokenizer.json per name, overriding the registry and the cache
 * @param engine {@code registry} (default: each tokenizer's {@code engine} in conf/tokenizers.yaml) or
 *     {@code hf} (the reference engine for every tokenizer file, e.g. to cross-check or time a run against it)
 * @param robustness the {@code robustness} metric; off unless the section is given
 * @param numbers the {@code numbers} metric; on by default
 * @param lexiconRegistry the word-list registry (default: lexicons.yaml beside the config)
 * @param bootstrapReplicates Poisson bootstrap replicates behind the 95 % intervals (default 200; 0 = none)
 * @param bootstrapSeed the bootstrap's seed (default 42): the same seed gives the same intervals
 * @param rareTokenCount the vocabulary census's {@code rare} threshold: emitted fewer times than this (default
 *     {@link VocabCensus#DEFAULT_RARE_TOKEN_COUNT}, at least 1)
 */
public record TokenizeConfig(
    @JsonProperty("pivot_lang") String pivotLang,
    @JsonProperty("reference_tokenizer") String referenceTokenizer,
    @JsonProperty("renyi_alpha") Double renyiAlpha,
    @JsonProperty("top_tokens") Integer topTokens,
    @JsonProperty("lexicons") Map<String, String> lexicons,
    @JsonProperty("tokenizer_files") Map<String, String> tokenizerFiles,
    @JsonProperty("engine") String engine,
    @JsonProperty("robustness") Robustness robustness,
    @JsonProperty("numbers") Numbers numbers,
    @JsonProperty("lexicon_registry") String lexiconRegistry,
    @JsonProperty("bootstrap_replicates") Integer bootstrapReplicates,
    @JsonProperty("bootstrap_seed") Long bootstrapSeed,
    @JsonProperty("rare_token_count") Integer rareTokenCount) {
  public static final String ENGINE_REGISTRY = "registry";
  public static final String ENGINE_HF = "hf";
  /** Each replicate costs 16 bytes per group and kind of document: 2,000 keep a group within 64 KB. */
  public static final int MAX_BOOTSTRAP_REPLICATES = 2000;

  /**
   * {@code tokenize.robustness: {perturbations: [...], rate: 0.05, sample_per_lang: 2000, seed: 42}}. Absent: the
   * metric is off. Present: {@code perturbations} defaults to all of them, an empty list turns it off.
   */
  public record Robustness(
      @JsonProperty("perturbations") List<String> perturbations,
      @JsonProperty("rate") Double rate,
      @JsonProperty("sample_per_lang") Integer samplePerLang,
      @JsonProperty("seed") Long seed) {
    public Robustness {
      perturbations = perturbations == null ? Perturbations.NAMES : List.copyOf(perturbations);
      for (String p : perturbations) {
        if (!Perturbations.NAMES.contains(p)) {
          throw new ConfigException("tokenize.robustness.perturbations: '" + p + "' is not one of "
              + Perturbations.NAMES);
        }
        if (perturbations.indexOf(p) != perturbations.lastIndexOf(p)) {
          throw new ConfigException("tokenize.robustness.perturbations: '" + p + "' is listed twice");
        }
      }
      rate = rate == null ? 0.05 : rate;
      if (!(rate > 0 && rate <= 1)) {
        throw new ConfigException("tokenize.robustness.rate must be in (0, 1], got " + rate);
      }
      samplePerLang = samplePerLang == null ? 2000 : samplePerLang;
      if (samplePerLang <= 0) {
        throw new ConfigException("tokenize.robustness.sample_per_lang must be positive, got " + samplePerLang);
      }
      seed = seed == null ? 42L : seed;
    }

    static Robustness off() {
      return new Robustness(List.of(), null, null, null);
    }

    public boolean enabled() {
      return !perturbations.isEmpty();
    }
  }

  /**
   * {@code tokenize.numbers: {enabled: true, generated_per_length: 100, seed: 42}}: digit runs of the corpora,
   * and of a generated set with {@code generated_per_length} integers per length 1-12 (0: no generated set).
   */
  public record Numbers(
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("generated_per_length") Integer generatedPerLength,
      @JsonProperty("seed") Long seed) {
    public Numbers {
      enabled = enabled == null || enabled;
      generatedPerLength = generatedPerLength == null ? 100 : generatedPerLength;
      if (generatedPerLength < 0 || generatedPerLength > 100_000) {
        throw new ConfigException("tokenize.numbers.generated_per_length must be in 0..100000, got "
            + generatedPerLength);
      }
      seed = seed == null ? 42L : seed;
    }
  }

  public TokenizeConfig {
    pivotLang = pivotLang == null ? "eng_Latn" : pivotLang;
    renyiAlpha = renyiAlpha == null ? 2.5 : renyiAlpha;
    Checks.positive("renyi_alpha", "tokenize.renyi_alpha", renyiAlpha);
    topTokens = topTokens == null ? 20 : topTokens;
    Checks.atLeast("top_tokens", "tokenize.top_tokens", topTokens, 0);
    lexicons = lexicons == null ? Map.of() : Map.copyOf(lexicons);
    tokenizerFiles = tokenizerFiles == null ? Map.of() : Map.copyOf(tokenizerFiles);
    engine = engine == null ? ENGINE_REGISTRY : engine;
    if (!engine.equals(ENGINE_REGISTRY) && !engine.equals(ENGINE_HF)) {
      throw ConfigException.at("engine", "tokenize.engine must be 'registry' (each tokenizer's engine in the "
          + "registry) or 'hf' (the reference engine for all), got '" + engine + "'");
    }
    robustness = robustness == null ? Robustness.off() : robustness;
    numbers = numbers == null ? new Numbers(null, null, null) : numbers;
    lexiconRegistry = lexiconRegistry == null ? "lexicons.yaml" : lexiconRegistry;
    bootstrapReplicates = bootstrapReplicates == null ? BootstrapWeights.DEFAULT_REPLICATES : bootstrapReplicates;
    boolean inRange = bootstrapReplicates >= BootstrapWeights.DEFAULT_REPLICATES
        && bootstrapReplicates <= MAX_BOOTSTRAP_REPLICATES;
    if (bootstrapReplicates != 0 && !inRange) {
      throw new ConfigException("tokenize.bootstrap_replicates must be 0 (no confidence intervals) or between "
          + BootstrapWeights.DEFAULT_REPLICATES + " and " + MAX_BOOTSTRAP_REPLICATES + " (16 bytes per replicate and "
          + "group), got " + bootstrapReplicates);
    }
    bootstrapSeed = bootstrapSeed == null ? BootstrapWeights.DEFAULT_SEED : bootstrapSeed;
    rareTokenCount = rareTokenCount == null ? VocabCensus.DEFAULT_RARE_TOKEN_COUNT : rareTokenCount;
    Checks.atLeast("rare_token_count", "tokenize.rare_token_count", rareTokenCount, 1);
  }

  /**
   * The settings before robustness, numbers, the lexicon registry, the bootstrap and the census threshold, with
   * their defaults.
   */
  public TokenizeConfig(String pivotLang, String referenceTokenizer, Double renyiAlpha, Integer topTokens,
      Map<String, String> lexicons, Map<String, String> tokenizerFiles, String engine) {
    this(pivotLang, referenceTokenizer, renyiAlpha, topTokens, lexicons, tokenizerFiles, engine, null, null, null,
        null, null, null);
  }

  public static TokenizeConfig defaults() {
    return new TokenizeConfig(null, null, null, null, null, null, null);
  }

  /**
   * Relative paths resolve against the config's folder; a lexicon that names an entry of the lexicon registry
   * becomes its fetched words.txt (checked against the registry's sha256).
   */
  public TokenizeConfig resolvePaths(Path base) {
    return resolvePaths(base, LexiconRegistry::load);
  }

  TokenizeConfig resolvePaths(Path base, Function<Path, LexiconRegistry> registries) {
    String registryPath = ConfigLoader.resolve(base, lexiconRegistry);
    LexiconRegistry registry = null;
    Map<String, String> lex = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : lexicons.entrySet()) {
      String path = ConfigLoader.resolve(base, e.getValue());
      // a bare name is the registry's unless a file of that name sits beside the config
      if (LexiconRegistry.looksLikeName(e.getValue()) && !Files.isRegularFile(Path.of(path))) {
        registry = registry != null ? registry : registries.apply(Path.of(registryPath));
        path = registry.resolve("tokenize.lexicons." + e.getKey(), e.getKey(), e.getValue()).toString();
      }
      lex.put(e.getKey(), path);
    }
    Map<String, String> files = new LinkedHashMap<>();
    tokenizerFiles.forEach((k, v) -> files.put(k, ConfigLoader.resolve(base, v)));
    return new TokenizeConfig(pivotLang, referenceTokenizer, renyiAlpha, topTokens, lex, files, engine, robustness,
        numbers, registryPath, bootstrapReplicates, bootstrapSeed, rareTokenCount);
  }
}
