package org.tokenometry.jobs.config;

import java.nio.file.Path;
import org.tokenometry.udfs.tokenizers.TokenizerException;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * The tokenizer registry a config uses: the file its {@code tokenizer_registry:} names (resolved against the
 * config's folder), else the installation's {@code conf/tokenizers.yaml} (the launcher passes
 * {@code -Dtokenometry.home}), else the copy bundled in the job jar. So a config kept outside {@code conf/}
 * gets the same engines and verified files as one inside it.
 */
public final class ConfiguredRegistry {
  private ConfiguredRegistry() {}

  public static TokenizerRegistry of(PipelineConfig config) {
    try {
      return config.tokenizerRegistry() != null ? TokenizerRegistry.load(Path.of(config.tokenizerRegistry()))
          : TokenizerRegistry.installed();
    } catch (TokenizerException e) {
      throw new ConfigException((config.tokenizerRegistry() != null ? "tokenizer_registry: " : "") + e.getMessage(),
          e);
    }
  }
}
