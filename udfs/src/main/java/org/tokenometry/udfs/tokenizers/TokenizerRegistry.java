package org.tokenometry.udfs.tokenizers;

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
 * {@code <cache>/<name>/tokenizer.json}, or the {@code <name>.tokenizer.json} scripts/submit shipped into the
 * working directory, checked against the registry's sha256 once per JVM); {@code name=path/to/tokenizer.json};
 * {@code hf:org/model[@revision]} (a Hugging Face hub cache snapshot, see {@link HubCache}); or a baseline
 * ({@code utf8_bytes}, {@code chars}, {@code words}). Nothing is downloaded. Only registry files are verified:
 * the others are used as found, and {@link Resolved#verified()} says so.
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
   * A resolved tokenizer: enough to load it anywhere. {@code type} is the engine ({@code java}, {@code hf}) or
   * {@code baseline}; {@code file} is null for baselines; {@code sha256} is the file's actual hash, and
   * {@code verified} whether the registry pinned that hash (files named by path or found in a cache are not).
   */
  public record Resolved(String name, String type, Path file, String sha256, String source, boolean verified)
      implements Serializable {
    /** The same file on another engine (e.g. {@code tokenize.engine: hf}). */
    public Resolved withEngine(String engine) {
      return new Resolved(name, engine, file, sha256, source, verified);
    }

    /** What a run manifest records about it: engine, file, sha256, whether that hash was verified, source. */
    public Map<String, Object> facts() {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("engine", type);
      f.put("file", file == null ? null : file.toString());
      f.put("sha256", sha256);
      f.put("sha256_verified", file == null ? null : verified);
      f.put("source", source);
      return f;
    }
  }

  private final Map<String, Entry> entries;
  private final Path registryDir;
  private final Path cacheDir;
  private final HubCache hub;
  private final String origin;
  private final Path shippedDir;

  private TokenizerRegistry(Map<String, Entry> entries, Path registryDir, Path cacheDir, HubCache hub,
      String origin, Path shippedDir) {
    this.entries = entries;
    this.registryDir = registryDir;
    this.cacheDir = cacheDir;
    this.hub = hub;
    this.origin = origin;
    this.shippedDir = shippedDir;
  }

  /** The same registry with another asset cache folder. */
  public TokenizerRegistry withCacheDir(Path dir) {
    return new TokenizerRegistry(entries, registryDir, dir, hub, origin, shippedDir);
  }

  /** The same registry reading {@code hf:} specs from another hub cache (the folder of {@code models--*}). */
  public TokenizerRegistry withHubCache(Path dir) {
    return new TokenizerRegistry(entries, registryDir, cacheDir, new HubCache(dir), origin, shippedDir);
  }

  /** The same registry also finding {@code <name>.tokenizer.json} files in {@code dir} (Spark's SparkFiles root). */
  public TokenizerRegistry withShippedDir(Path dir) {
    return new TokenizerRegistry(entries, registryDir, cacheDir, hub, origin, dir);
  }

  /** A registry without a file: baselines, cached files, explicit paths and hub snapshots only. */
  public static TokenizerRegistry empty() {
    return new TokenizerRegistry(new LinkedHashMap<>(), Path.of("."), TokenizerFiles.cacheDir(),
        HubCache.fromEnvironment(), "(no registry)", null);
  }

  /** Where this registry was read from (a path, or the resource bundled in the job jar). */
  public String origin() {
    return origin;
  }

  /**
   * The registry a config gets when it names none: the installation's {@code conf/tokenizers.yaml} (see
   * {@link TokenizerFiles#installedRegistry()}), else the copy bundled in the job jar at build time.
   */
  public static TokenizerRegistry installed() {
    Path installed = TokenizerFiles.installedRegistry();
    if (installed != null) {
      if (!Files.isRegularFile(installed)) {
        throw new TokenizerException("the installation's tokenizer registry is missing: " + installed
            + " (set tokenizer_registry: in the config, or fix -Dtokenometry.home / TOKENOMETRY_HOME)");
      }
      return load(installed);
    }
    String where = "bundled " + TokenizerFiles.BUNDLED_REGISTRY;
    try (InputStream in = TokenizerRegistry.class.getResourceAsStream(TokenizerFiles.BUNDLED_REGISTRY)) {
      if (in == null) {
        throw new TokenizerException("no tokenizer registry: neither -Dtokenometry.home nor TOKENOMETRY_HOME is "
            + "set and the job jar bundles none (" + TokenizerFiles.BUNDLED_REGISTRY + "); name one with "
            + "tokenizer_registry: in the config");
      }
      return of(RegistryYaml.read(in, where), Path.of("."), where);
    } catch (IOException e) {
      throw new TokenizerException("cannot read the " + where + ": " + e.getMessage(), e);
    }
  }

  /** Reads a registry file (conf/tokenizers.yaml); a missing file is an error naming it. */
  public static TokenizerRegistry load(Path yaml) {
    if (yaml == null || !Files.isRegularFile(yaml)) {
      throw new TokenizerException("tokenizer registry not found: " + (yaml == null ? "(none)"
          : yaml.toAbsolutePath()) + " (conf/tokenizers.yaml is the installation's)");
    }
    String where = yaml.toAbsolutePath().toString();
    try (InputStream in = Files.newInputStream(yaml)) {
      return of(RegistryYaml.read(in, where), yaml.toAbsolutePath().getParent(), where);
    } catch (IOException e) {
      throw new TokenizerException(yaml + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static TokenizerRegistry of(RegistryYaml yaml, Path registryDir, String origin) {
    return new TokenizerRegistry(yaml.entries(), registryDir, yaml.cacheDir(), HubCache.fromEnvironment(), origin,
        null);
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
      return new Resolved(spec, "baseline", null, null, "built-in", true);
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
      Path file = registeredFile(e);
      if (!Files.isRegularFile(file)) {
        throw new TokenizerException("tokenizer '" + spec + "' is registered but its file is missing: " + file
            + "; run scripts/fetch-tokenizers (or give a file as " + spec + "=path/to/tokenizer.json)");
      }
      String actual = sha256(file);
      if (e.sha256() != null && !e.sha256().equalsIgnoreCase(actual)) {
        throw new TokenizerException("tokenizer '" + spec + "': " + file + " has sha256 " + actual
            + " but the registry expects " + e.sha256() + "; re-fetch it with scripts/fetch-tokenizers");
      }
      return new Resolved(spec, e.engine(), file, actual, e.source(), e.sha256() != null);
    }
    Path cached = cachedFile(spec);
    if (Files.isRegularFile(cached)) { // cached but not (yet) registered: usable, hash recorded, not checked
      return new Resolved(spec, ENGINE_HF, cached, sha256(cached), "cache " + cached, false);
    }
    throw new TokenizerException("unknown tokenizer '" + spec + "'; known: " + knownNames()
        + "; or give a file as " + spec + "=path/to/tokenizer.json, or hf:org/model for a Hugging Face cache");
  }

  /**
   * A registry entry's file: its {@code path}, else the asset cache's copy, else the copy scripts/submit shipped
   * ({@code --files}) into Spark's file root or the working directory: a driver in cluster deploy mode has no
   * asset cache. The sha256 check follows.
   */
  private Path registeredFile(Entry e) {
    if (e.path() != null) {
      return registryDir.resolve(e.path());
    }
    Path cached = cachedFile(e.name());
    if (Files.isRegularFile(cached)) {
      return cached;
    }
    String shipped = TokenizerFiles.shippedName(e.name());
    for (Path p : new Path[] {shippedDir == null ? null : shippedDir.resolve(shipped), Path.of(shipped)}) {
      if (p != null && Files.isRegularFile(p)) {
        return p.toAbsolutePath();
      }
    }
    return cached;
  }

  /** Whether {@code spec} names a tokenizer this registry can resolve, without touching any file. */
  public boolean isKnownName(String spec) {
    if (spec == null || spec.isBlank()) {
      return false;
    }
    if (spec.indexOf('=') > 0 || spec.startsWith("hf:") || BASELINES.contains(spec)) {
      return true;
    }
    Entry e = entries.get(spec);
    return e != null ? e.enabled() : Files.isRegularFile(cachedFile(spec));
  }

  private Resolved resolveFile(String name, Path file, String how) {
    if (!Files.isRegularFile(file)) {
      throw new TokenizerException("tokenizer '" + name + "': file not found: " + file.toAbsolutePath()
          + " (expected a Hugging Face tokenizer.json)");
    }
    return new Resolved(name, ENGINE_HF, file.toAbsolutePath(), sha256(file), how + " " + file.toAbsolutePath(),
        false);
  }

  /** {@code hf:org/model[@revision]}: the snapshot the ref (default main) names in the hub cache. */
  private Resolved resolveHub(String spec) {
    HubCache.Snapshot snap = hub.tokenizerJson(spec);
    return new Resolved(spec, ENGINE_HF, snap.file().toAbsolutePath(), sha256(snap.file()), "hf-cache "
        + snap.repo() + "@" + snap.revision() + " (commit " + snap.commit() + ") " + snap.file().toAbsolutePath(),
        false);
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
    return LOADED.computeIfAbsent(key, k -> load(name, type, file));
  }

  /** A file that is not a tokenizer.json either engine can read is a configuration error, named as one. */
  private static Tokenizer load(String name, String type, Path file) {
    try {
      return ENGINE_JAVA.equals(type) ? javaOrReference(name, file) : HfTokenizer.load(name, file);
    } catch (TokenizerException e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String why = String.valueOf(root.getMessage()).lines().findFirst().orElse(root.toString());
      throw new TokenizerException("tokenizer '" + name + "': " + file + " is not a readable tokenizer.json ("
          + why + "); re-fetch it or point at another file", e);
    }
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
