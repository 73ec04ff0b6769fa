package org.tokenometry.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * conf/lexicons.yaml: word lists by name, each built by scripts/fetch-lexicons into
 * {@code <cache>/<name>/words.txt} and pinned by sha256. {@code <cache>} is the variable named by the file's
 * {@code cache_dir_env} (default {@value #CACHE_ENV}) when set, else
 * {@code ${XDG_CACHE_HOME:-~/.cache}/tokenometry/lexicons}, as in the script.
 */
public final class LexiconRegistry {
  public static final String CACHE_ENV = "TOKENOMETRY_LEXICON_CACHE";
  /** What a registry name looks like; anything else (a '.' or '/') is a path. */
  private static final String NAME = "[a-z0-9][a-z0-9_-]*";

  /** One word list: the language it serves and the sha256 of its words.txt. */
  public record Entry(String name, String lang, String sha256) {}

  private final Path file;
  private final Map<String, Entry> entries;
  private final Path cacheDir;

  private LexiconRegistry(Path file, Map<String, Entry> entries, Path cacheDir) {
    this.file = file;
    this.entries = entries;
    this.cacheDir = cacheDir;
  }

  public static boolean looksLikeName(String value) {
    return value != null && value.matches(NAME);
  }

  public static LexiconRegistry load(Path yaml) {
    if (!Files.isRegularFile(yaml)) {
      throw new ConfigException("lexicon registry not found: " + yaml + " (set tokenize.lexicon_registry, or give "
          + "tokenize.lexicons file paths)");
    }
    JsonNode root;
    try {
      root = ConfigLoader.yamlMapper().readTree(yaml.toFile());
    } catch (IOException e) {
      throw new ConfigException(yaml + ": not a readable YAML lexicon registry: " + e.getMessage(), e);
    }
    if (root == null || !root.path("lexicons").isObject()) {
      throw new ConfigException(yaml + ": expected a top-level 'lexicons:' mapping of name -> entry");
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("lexicons").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String sha = e.getValue().path("sha256").asText("");
      if (!looksLikeName(e.getKey()) || !sha.matches("[0-9a-f]{64}")) {
        throw new ConfigException(yaml + ": lexicon '" + e.getKey() + "' needs a name of [a-z0-9_-] and a sha256 "
            + "of 64 hex digits");
      }
      entries.put(e.getKey(), new Entry(e.getKey(), e.getValue().path("lang").asText(null), sha));
    }
    String env = System.getenv(root.path("cache_dir_env").asText(CACHE_ENV));
    return new LexiconRegistry(yaml, entries, env != null && !env.isBlank() ? Path.of(env) : defaultCacheDir());
  }

  private static Path defaultCacheDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("tokenometry").resolve("lexicons");
  }

  /** The same registry reading another cache folder. */
  public LexiconRegistry withCacheDir(Path dir) {
    return new LexiconRegistry(file, entries, dir);
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  public Path cacheDir() {
    return cacheDir;
  }

  public Path cachedFile(String name) {
    return cacheDir.resolve(name).resolve("words.txt");
  }

  /**
   * The fetched words.txt of {@code name} for language {@code lang}, checked against the registry's sha256;
   * {@code key} names the config entry in errors.
   */
  public Path resolve(String key, String lang, String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new ConfigException(key + ": '" + name + "' is neither a word list of " + file + " " + entries.keySet()
          + " nor a file");
    }
    if (e.lang() != null && !e.lang().equals(lang)) {
      throw new ConfigException(key + ": '" + name + "' is the word list of " + e.lang() + ", not " + lang);
    }
    Path words = cachedFile(name);
    if (!Files.isRegularFile(words)) {
      throw new ConfigException(key + ": word list '" + name + "' is not fetched (" + words
          + " is missing); run scripts/fetch-lexicons --only " + name);
    }
    String actual = TokenizerRegistry.sha256(words);
    if (!actual.equals(e.sha256())) {
      throw new ConfigException(key + ": " + words + " has sha256 " + actual + " but " + file + " expects "
          + e.sha256() + "; fetch it again with scripts/fetch-lexicons --only " + name);
    }
    return words;
  }
}
