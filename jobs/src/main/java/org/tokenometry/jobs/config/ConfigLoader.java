package org.tokenometry.jobs.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a pipeline YAML into a {@link PipelineConfig}; relative paths resolve against the config's folder. */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ConfigLoader() {}

  public static ObjectMapper yamlMapper() {
    return YAML;
  }

  public static PipelineConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file not found: " + file.toAbsolutePath()
          + " (pass a YAML file such as conf/sample.yaml)");
    }
    PipelineConfig raw = read(file, PipelineConfig.class);
    return resolvePaths(raw, file.toAbsolutePath().getParent());
  }

  /** Parses YAML into {@code type}, turning Jackson errors into "file:line:column: problem" messages. */
  public static <T> T read(Path file, Class<T> type) {
    try {
      T value = YAML.readValue(file.toFile(), type);
      if (value == null) {
        throw new ConfigException(file + ": the file is empty; expected a YAML mapping");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(where(file, keyLocation(file, e)) + "unknown key '" + e.getPropertyName()
          + "'; known keys here: " + e.getKnownPropertyIds(), e);
    } catch (JsonMappingException e) {
      throw new ConfigException(where(file, keyLocation(file, e)) + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(where(file, e.getLocation()) + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Where the offending key is. Records are built through their constructor, so Jackson buffers a mapping's
   * keys and reports the end of the mapping; re-reading the file and stopping at the error's path gives the
   * key's own line and column.
   */
  private static JsonLocation keyLocation(Path file, JsonMappingException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    if (path.isEmpty()) {
      return e.getLocation();
    }
    StringBuilder ptr = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      ptr.append('/').append(r.getFieldName() != null
          ? r.getFieldName().replace("~", "~0").replace("/", "~1") : String.valueOf(r.getIndex()));
    }
    JsonPointer target = JsonPointer.compile(ptr.toString());
    try (JsonParser p = YAML.getFactory().createParser(file.toFile())) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (target.equals(p.getParsingContext().pathAsPointer())
            && (t == JsonToken.FIELD_NAME || t.isScalarValue() || t.isStructStart())) {
          return p.currentTokenLocation();
        }
      }
    } catch (IOException ignored) {
      // fall back to Jackson's own location
    }
    return e.getLocation();
  }

  private static String where(Path file, JsonLocation loc) {
    if (loc == null) {
      return file + ": ";
    }
    return file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
  }

  private static PipelineConfig resolvePaths(PipelineConfig c, Path base) {
    List<CorpusConfig> corpora = new ArrayList<>();
    for (CorpusConfig k : c.corpora()) {
      if (k.name() == null || k.name().isBlank()) {
        throw new ConfigException("every corpus needs a 'name' (corpus with paths " + k.paths() + ")");
      }
      List<String> paths = k.paths().stream().map(p -> resolve(base, p)).toList();
      corpora.add(k.withPaths(paths));
    }
    return new PipelineConfig(resolve(base, c.output()), c.stages(), corpora, c.tokenizers(),
        resolve(base, c.tokenizerRegistry()), c.ingest(), c.tokenize().resolvePaths(base), c.qa().resolvePaths(base),
        c.retrieval(), c.report(), c.spark());
  }

  /** A path with a URI scheme (hdfs://, s3a://, file:) or an absolute path stays; others resolve against base. */
  public static String resolve(Path base, String p) {
    if (p == null || p.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || Path.of(p).isAbsolute()) {
      return p;
    }
    return base.resolve(p).normalize().toString();
  }
}
