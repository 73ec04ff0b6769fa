package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.tokenometry.udfs.metrics.BootstrapWeights;

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
 * @param lexiconRegistry the word-list registry (default: lexicons.yaml beside the config)
 * @param bootstrapReplicates Poisson bootstrap replicates behind the 95 % intervals (default 200; 0 = none)
 * @param bootstrapSeed the bootstrap's seed (default 42): the same seed gives the same intervals
 */
public record TokenizeConfig(
    @JsonProperty("pivot_lang") String pivotLang,
    @JsonProperty("reference_tokenizer") String referenceTokenizer,
    @JsonProperty("renyi_alpha") Double renyiAlpha,
    @JsonProperty("top_tokens") Integer topTokens,
    @JsonProperty("lexicons") Map<String, String> lexicons,
    @JsonProperty("tokenizer_files") Map<String, String> tokenizerFiles,
    @JsonProperty("engine") String engine,
    @JsonProperty("lexicon_registry") String lexiconRegistry,
    @JsonProperty("bootstrap_replicates") Integer bootstrapReplicates,
    @JsonProperty("bootstrap_seed") Long bootstrapSeed) {
  public static final String ENGINE_REGISTRY = "registry";
  public static final String ENGINE_HF = "hf";
  /** Each replicate costs 16 bytes per group and kind of document: 2,000 keep a group within 64 KB. */
  public static final int MAX_BOOTSTRAP_REPLICATES = 2000;

  public TokenizeConfig {
    pivotLang = pivotLang == null ? "eng_Latn" : pivotLang;
    renyiAlpha = renyiAlpha == null ? 2.5 : renyiAlpha;
    if (renyiAlpha <= 0) {
      throw new ConfigException("tokenize.renyi_alpha must be > 0, got " + renyiAlpha);
    }
    topTokens = topTokens == null ? 20 : topTokens;
    lexicons = lexicons == null ? Map.of() : Map.copyOf(lexicons);
    tokenizerFiles = tokenizerFiles == null ? Map.of() : Map.copyOf(tokenizerFiles);
    engine = engine == null ? ENGINE_REGISTRY : engine;
    if (!engine.equals(ENGINE_REGISTRY) && !engine.equals(ENGINE_HF)) {
      throw new ConfigException("tokenize.engine must be 'registry' (each tokenizer's engine in the registry) or "
          + "'hf' (the reference engine for all), got '" + engine + "'");
    }
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
  }

  /** The settings that existed before the lexicon registry and the bootstrap, with their defaults. */
  public TokenizeConfig(String pivotLang, String referenceTokenizer, Double renyiAlpha, Integer topTokens,
      Map<String, String> lexicons, Map<String, String> tokenizerFiles, String engine) {
    this(pivotLang, referenceTokenizer, renyiAlpha, topTokens, lexicons, tokenizerFiles, engine, null, null, null);
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
    return new TokenizeConfig(pivotLang, referenceTokenizer, renyiAlpha, topTokens, lex, files, engine,
        registryPath, bootstrapReplicates, bootstrapSeed);
  }
}
