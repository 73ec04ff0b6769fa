package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokenize stage settings.
 *
 * @param pivotLang the language premiums are relative to (default eng_Latn)
 * @param referenceTokenizer the tokenizer nsl is relative to (default: the first of {@code tokenizers})
 * @param renyiAlpha α of the Rényi efficiency (default 2.5)
 * @param topTokens how many most frequent tokens coverage lists (default 20)
 * @param lexicons per-language word lists (one word per line), e.g. {@code eng_Latn: lexicons/en.txt}
 * @param tokenizerFiles explicit tokenizer.json per name, overriding the registry and the cache
 * @param engine {@code registry} (default: each tokenizer's {@code engine} in conf/tokenizers.yaml) or
 *     {@code hf} (the reference engine for every tokenizer file, e.g. to cross-check or time a run against it)
 */
public record TokenizeConfig(
    @JsonProperty("pivot_lang") String pivotLang,
    @JsonProperty("reference_tokenizer") String referenceTokenizer,
    @JsonProperty("renyi_alpha") Double renyiAlpha,
    @JsonProperty("top_tokens") Integer topTokens,
    @JsonProperty("lexicons") Map<String, String> lexicons,
    @JsonProperty("tokenizer_files") Map<String, String> tokenizerFiles,
    @JsonProperty("engine") String engine) {
  public static final String ENGINE_REGISTRY = "registry";
  public static final String ENGINE_HF = "hf";

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
  }

  public static TokenizeConfig defaults() {
    return new TokenizeConfig(null, null, null, null, null, null, null);
  }

  /** Relative lexicon and tokenizer paths resolve against the config's folder. */
  public TokenizeConfig resolvePaths(Path base) {
    Map<String, String> lex = new LinkedHashMap<>();
    lexicons.forEach((k, v) -> lex.put(k, ConfigLoader.resolve(base, v)));
    Map<String, String> files = new LinkedHashMap<>();
    tokenizerFiles.forEach((k, v) -> files.put(k, ConfigLoader.resolve(base, v)));
    return new TokenizeConfig(pivotLang, referenceTokenizer, renyiAlpha, topTokens, lex, files, engine);
  }
}
