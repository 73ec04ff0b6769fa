package org.tokenometry.jobs.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.ConfiguredRegistry;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerException;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * The configured tokenizers on the driver: resolved through the registry (sha256 checked), loaded once for
 * vocabulary facts, and their files added to the SparkContext under unique names
 * ({@code <name>-<sha256 prefix>.tokenizer.json}) for executors.
 */
public final class TokenizerSet {
  private final List<TokenizerRegistry.Resolved> resolved;
  private final List<ShippedTokenizer> shipped;
  private final Map<String, Tokenizer> loaded;

  private TokenizerSet(List<TokenizerRegistry.Resolved> resolved, List<ShippedTokenizer> shipped,
      Map<String, Tokenizer> loaded) {
    this.resolved = resolved;
    this.shipped = shipped;
    this.loaded = loaded;
  }

  public static TokenizerSet resolve(PipelineConfig config) {
    if (config.tokenizers().isEmpty()) {
      throw new ConfigException("'tokenizers' is empty: list the tokenizers to measure, e.g. "
          + "[gpt4o, llama3, utf8_bytes]; see scripts/tokenometry tokenizers list");
    }
    TokenizerRegistry registry = ConfiguredRegistry.of(config);
    List<TokenizerRegistry.Resolved> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String spec : config.tokenizers()) {
      String file = config.tokenize().tokenizerFiles().get(spec);
      TokenizerRegistry.Resolved r;
      try {
        r = registry.resolve(file != null ? spec + "=" + file : spec);
      } catch (TokenizerException e) {
        throw new ConfigException("tokenizers: " + e.getMessage(), e);
      }
      if (TokenizeConfig.ENGINE_HF.equals(config.tokenize().engine()) && TokenizerRegistry.ENGINE_JAVA.equals(r.type())) {
        r = r.withEngine(TokenizerRegistry.ENGINE_HF);
      }
      if (!names.add(r.name())) {
        throw new ConfigException("tokenizers: '" + r.name() + "' is listed twice");
      }
      out.add(r);
    }
    // loading a large tokenizer.json takes seconds (parsing, merge tables): one file per core at a time
    List<Tokenizer> opened = out.parallelStream().map(TokenizerRegistry::open).toList();
    Map<String, Tokenizer> loaded = new LinkedHashMap<>();
    for (int i = 0; i < out.size(); i++) {
      loaded.put(out.get(i).name(), opened.get(i));
    }
    return new TokenizerSet(out, new ArrayList<>(), loaded);
  }

  /** Adds every tokenizer file to the job (idempotent per session); returns what executors need. */
  public List<ShippedTokenizer> ship(SparkSession spark) {
    if (!shipped.isEmpty()) {
      return shipped;
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("tokenometry-tokenizers");
      dir.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (TokenizerRegistry.Resolved r : resolved) {
      if (r.file() == null) {
        shipped.add(new ShippedTokenizer(r.name(), r.type(), null, null, null));
        continue;
      }
      // Spark keys shipped files by their base name: give each (name, content) its own
      String shippedName = r.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + r.sha256().substring(0, 16)
          + ".tokenizer.json";
      Path copy = dir.resolve(shippedName);
      try {
        Files.copy(r.file(), copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stage " + r.file() + " for shipping: " + e.getMessage(), e);
      }
      // the same name means the same content (sha256 in the name): a second run in this session reuses it
      boolean already = scala.jdk.javaapi.CollectionConverters.asJava(spark.sparkContext().listFiles()).stream()
          .anyMatch(f -> f.endsWith("/" + shippedName));
      if (!already) {
        spark.sparkContext().addFile(copy.toUri().toString());
      }
      shipped.add(new ShippedTokenizer(r.name(), r.type(), shippedName, r.file().toString(), r.sha256()));
    }
    return shipped;
  }

  public List<TokenizerRegistry.Resolved> resolved() {
    return resolved;
  }

  /** What the run manifest records about one: engine, file, sha256 (verified or not), source, vocab_size. */
  public Map<String, Object> facts(TokenizerRegistry.Resolved r) {
    Map<String, Object> facts = r.facts();
    int vocab = loaded.get(r.name()).vocabSize();
    facts.put("vocab_size", vocab < 0 ? null : vocab);
    return facts;
  }

  public Tokenizer tokenizer(String name) {
    return loaded.get(name);
  }

  public List<String> names() {
    return new ArrayList<>(loaded.keySet());
  }
}
