package org.tokenometry.jobs.config;

import java.nio.file.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
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
      TokenizerRegistry r = config.tokenizerRegistry() != null
          ? TokenizerRegistry.load(Path.of(config.tokenizerRegistry())) : TokenizerRegistry.installed();
      // once Spark runs, files shipped with --files are in its file root (a cluster-mode driver has no cache)
      return SparkEnv.get() != null ? r.withShippedDir(Path.of(SparkFiles.getRootDirectory())) : r;
    } catch (TokenizerException e) {
      throw new ConfigException((config.tokenizerRegistry() != null ? "tokenizer_registry: " : "") + e.getMessage(),
          e);
    }
  }
}
