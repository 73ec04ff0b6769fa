package org.tokenometry.jobs.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenometry.udfs.tokenizers.TokenizerException;
import org.tokenometry.udfs.tokenizers.TokenizerFiles;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * Everything about a config that can be checked before Spark starts, so a mistake costs a second, not a stage:
 * tokenizer names wherever they appear (also when only retrieval uses them, also when the run skips
 * tokenize), the files of the tokenizers the run will load (present, sha256 as pinned), local input paths that
 * match nothing and an output that cannot be written. Each error names the key's {@code file:line:column}.
 * Cluster URIs (hdfs://, s3a://, ...) are left to the stages, which see the cluster's filesystems.
 */
public final class ConfigCheck {
  private final PipelineConfig config;
  private final Path file;
  private final Map<String, String> overrides;

  /**
   * @param overrides keys the command line replaced (e.g. {@code output} → {@code --output}): their errors name
   *     the option instead of a line of the file
   */
  private ConfigCheck(PipelineConfig config, Path file, Map<String, String> overrides) {
    this.config = config;
    this.file = file;
    this.overrides = overrides;
  }

  /** Checks names and tokenizer files only (what scripts/submit can know on the submitting machine). */
  public static List<String> tokenizers(PipelineConfig config, Path file) {
    return new ConfigCheck(config, file, Map.of()).checkTokenizers();
  }

  /** Every check; returns warnings (tokenizer files nobody verified), throws the first error. */
  public static List<String> all(PipelineConfig config, Path file, Map<String, String> overrides) {
    ConfigCheck c = new ConfigCheck(config, file, overrides);
    c.checkStageInputs();
    List<String> warnings = c.checkTokenizers();
    c.located(() -> LocalPaths.checkInputs(config));
    c.located(() -> LocalPaths.checkOutput(config.output()));
    return warnings;
  }

  /** Stages that would have nothing to work on (the command line's --stages is known here). */
  private void checkStageInputs() {
    if (config.stages().contains("ingest") && config.corpora().isEmpty()) {
      throw locate(ConfigException.at("corpora", "the ingest stage needs at least one entry under 'corpora'"));
    }
    if (config.stages().contains("tokenize") && config.tokenizers().isEmpty()) {
      throw locate(ConfigException.at("tokenizers", "'tokenizers' is empty: list the tokenizers to measure, e.g. "
          + "[gpt4o, llama3, utf8_bytes]; see scripts/tokenometry tokenizers list"));
    }
  }

  private List<String> checkTokenizers() {
    TokenizerRegistry registry = located(() -> ConfiguredRegistry.of(config), "tokenizer_registry");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < config.tokenizers().size(); i++) {
      String spec = config.tokenizers().get(i);
      known(registry, spec, "tokenizers/" + i);
      if (!seen.add(spec)) {
        throw locate(ConfigException.at("tokenizers/" + i, "tokenizers: '" + spec + "' is listed twice"));
      }
    }
    List<String> retrieval = config.retrieval().tokenizers();
    for (int i = 0; i < retrieval.size(); i++) {
      known(registry, retrieval.get(i), "retrieval/tokenizers/" + i);
    }
    String reference = config.tokenize().referenceTokenizer();
    if (reference != null && !config.tokenizers().contains(reference)) {
      throw locate(ConfigException.at("tokenize/reference_tokenizer", "tokenize.reference_tokenizer '" + reference
          + "' is not one of the run's tokenizers " + config.tokenizers() + DidYouMean.hint(reference,
          config.tokenizers())));
    }
    List<String> warnings = new ArrayList<>();
    if ("cluster".equals(System.getProperty("spark.submit.deployMode"))) {
      return warnings; // a cluster-mode driver gets its tokenizer files with Spark (--files): checked on load
    }
    if (config.stages().contains("tokenize")) {
      files(registry, config.tokenizers(), "tokenizers/", warnings);
    }
    if (config.stages().contains("retrieval")) {
      boolean own = !retrieval.isEmpty();
      files(registry, own ? retrieval : config.tokenizers(), own ? "retrieval/tokenizers/" : "tokenizers/",
          warnings);
    }
    return warnings;
  }

  private void known(TokenizerRegistry registry, String spec, String key) {
    if (!registry.isKnownName(spec)) {
      List<String> names = registry.knownNames();
      throw locate(ConfigException.at(key, "unknown tokenizer '" + spec + "'" + DidYouMean.hint(spec, names)
          + "; known: " + names + " (see scripts/tokenometry tokenizers list), or give a file as " + spec
          + "=path/to/tokenizer.json, or hf:org/model for a Hugging Face cache"));
    }
  }

  /** The files the run will load: present, hashes as the registry pins them; unverified ones are warned about. */
  private void files(TokenizerRegistry registry, List<String> specs, String keyPrefix, List<String> warnings) {
    for (int i = 0; i < specs.size(); i++) {
      String spec = specs.get(i);
      String override = config.tokenize().tokenizerFiles().get(spec);
      TokenizerRegistry.Resolved r = located(() -> registry.resolve(override != null ? spec + "=" + override
          : spec), keyPrefix + i);
      String warning = "tokenizer '" + r.name() + "': " + r.file() + " has no sha256 pinned in the registry ("
          + registry.origin() + "); it is used as found (sha256 " + r.sha256() + ", recorded in the manifest)";
      if (r.file() != null && !r.verified() && !warnings.contains(warning)) {
        located(() -> TokenizerFiles.requireTokenizerJson(r.name(), r.file()), keyPrefix + i);
        warnings.add(warning);
      }
    }
  }

  private <T> T located(java.util.function.Supplier<T> check, String key) {
    try {
      return check.get();
    } catch (TokenizerException e) {
      throw locate(ConfigException.at(key, e.getMessage()));
    } catch (ConfigException e) {
      throw locate(e.key() != null ? e : ConfigException.at(key, e.getMessage()));
    }
  }

  private void located(Runnable check) {
    try {
      check.run();
    } catch (ConfigException e) {
      throw locate(e);
    }
  }

  private void located(Runnable check, String key) {
    located(() -> {
      check.run();
      return null;
    }, key);
  }

  private ConfigException locate(ConfigException e) {
    String top = e.key() == null ? null : e.key().split("/")[0];
    if (top != null && overrides.containsKey(top)) {
      return new ConfigException(overrides.get(top) + ": " + e.getMessage(), e);
    }
    return file == null ? e : ConfigLoader.locate(file, e);
  }
}
