package org.tokenometry.jobs.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads a pipeline YAML into a {@link PipelineConfig}; relative paths resolve against the config's folder. Every
 * problem is one {@link ConfigException} line, located {@code file:line:column} where the YAML has the key.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      // a key written twice would otherwise silently keep the second value
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      // shards: 1.5 must not become 1
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private ConfigLoader() {}

  public static ObjectMapper yamlMapper() {
    return YAML;
  }

  public static PipelineConfig load(Path file) {
    requireReadableFile(file);
    PipelineConfig raw = read(file, PipelineConfig.class);
    return resolvePaths(raw, file.toAbsolutePath().getParent());
  }

  /** A config path that is missing, a folder or unreadable is named with the fix, before YAML sees it. */
  static void requireReadableFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(file.toAbsolutePath() + " is a directory, not a config file; pass one of the YAML "
          + "files in it (" + yamlFilesIn(file) + ")");
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file not found: " + file.toAbsolutePath()
          + " (pass a YAML file such as conf/sample.yaml)");
    }
    if (!Files.isReadable(file)) {
      throw new ConfigException("config file not readable: " + file.toAbsolutePath()
          + " (check its permissions)");
    }
  }

  private static String yamlFilesIn(Path dir) {
    TreeSet<String> names = new TreeSet<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      return "unreadable";
    }
    return names.isEmpty() ? "there are none" : String.join(", ", names);
  }

  /** Parses YAML into {@code type}, turning Jackson errors into "file:line:column: problem" messages. */
  public static <T> T read(Path file, Class<T> type) {
    T value;
    try {
      value = YAML.readValue(file.toFile(), type);
    } catch (JsonProcessingException e) {
      throw ConfigErrors.of(file, e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (value == null) {
      throw new ConfigException(file + ": the file is empty; expected a YAML mapping");
    }
    return value;
  }

  /** A problem found after loading, at {@code key} (a JSON pointer from the top, e.g. corpora/0/paths/1). */
  public static ConfigException locate(Path file, ConfigException e) {
    return new ConfigException(YamlLocations.where(file, e.key() == null ? "" : "/" + e.key()) + e.getMessage(), e);
  }

  private static PipelineConfig resolvePaths(PipelineConfig c, Path base) {
    List<CorpusConfig> corpora = new ArrayList<>();
    for (CorpusConfig k : c.corpora()) {
      List<String> paths = k.paths().stream().map(p -> resolve(base, p)).toList();
      corpora.add(k.withPaths(paths));
    }
    return new PipelineConfig(resolve(base, c.output()), c.stages(), corpora, resolveSpecs(base, c.tokenizers()),
        resolve(base, c.tokenizerRegistry()), c.ingest(), c.tokenize().resolvePaths(base), c.qa().resolvePaths(base),
        c.retrieval().withTokenizers(resolveSpecs(base, c.retrieval().tokenizers())), c.report(), c.spark());
  }

  /** The path of a {@code name=path} tokenizer spec resolves like every other path; names stay as they are. */
  static List<String> resolveSpecs(Path base, List<String> specs) {
    return specs.stream().map(s -> {
      int eq = s.indexOf('=');
      return eq > 0 ? s.substring(0, eq).strip() + "=" + resolve(base, s.substring(eq + 1).strip()) : s;
    }).toList();
  }

  /** A path with a URI scheme (hdfs://, s3a://, file:) or an absolute path stays; others resolve against base. */
  public static String resolve(Path base, String p) {
    if (p == null || p.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || Path.of(p).isAbsolute()) {
      return p;
    }
    return base.resolve(p).normalize().toString();
  }
}
