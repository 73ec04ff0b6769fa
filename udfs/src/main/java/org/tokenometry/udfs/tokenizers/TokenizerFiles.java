package org.tokenometry.udfs.tokenizers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where tokenizer files and the registry are: the asset cache scripts/fetch-tokenizers fills ({@code
 * <cache>/<name>/tokenizer.json}), the names scripts/submit ships files under, and the installation's registry.
 */
public final class TokenizerFiles {
  public static final String CACHE_ENV = "TOKENOMETRY_CACHE";
  /** The launcher passes the installation folder as this system property (else the environment variable). */
  public static final String HOME_PROPERTY = "tokenometry.home";
  public static final String HOME_ENV = "TOKENOMETRY_HOME";
  /** conf/tokenizers.yaml as the build copies it into the job jar, for drivers without an installation. */
  public static final String BUNDLED_REGISTRY = "/org/tokenometry/registry/tokenizers.yaml";

  private TokenizerFiles() {}

  public static Path cacheDir() {
    String env = System.getenv(CACHE_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("tokenometry").resolve("tokenizers");
  }

  public static Path cached(String name) {
    return cacheDir().resolve(name).resolve("tokenizer.json");
  }

  /** The file name scripts/submit ships a registry tokenizer under ({@code --files}). */
  public static String shippedName(String name) {
    return name + ".tokenizer.json";
  }

  /**
   * {@code <installation>/conf/tokenizers.yaml} when the installation is known ({@code -Dtokenometry.home}, else
   * {@code $TOKENOMETRY_HOME}), else null: then the registry bundled in the job jar serves.
   */
  public static Path installedRegistry() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home == null || home.isBlank()) {
      home = System.getenv(HOME_ENV);
    }
    return home == null || home.isBlank() ? null : Path.of(home, "conf", "tokenizers.yaml");
  }

  /**
   * Checks that a file nobody pinned a hash for is well-formed JSON with a top-level {@code model}, by one
   * streaming pass (no tree, no engine): a corrupt or truncated file is then a one-line error before any work
   * starts, instead of a failure deep in a load.
   */
  public static void requireTokenizerJson(String name, Path file) {
    boolean model = false;
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new TokenizerException("tokenizer '" + name + "': " + file + " is not a tokenizer.json (expected a "
            + "JSON object)");
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        model |= "model".equals(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
      if (p.nextToken() != null) {
        throw new TokenizerException("tokenizer '" + name + "': " + file + " has data after its JSON object");
      }
    } catch (IOException e) {
      String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
          ? " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() : "";
      String what = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
          : e.getMessage();
      throw new TokenizerException("tokenizer '" + name + "': " + file + " is not a readable tokenizer.json ("
          + String.valueOf(what).lines().findFirst().orElse("") + where + "); re-fetch it or point at another "
          + "file", e);
    }
    if (!model) {
      throw new TokenizerException("tokenizer '" + name + "': " + file + " has no 'model': not a Hugging Face "
          + "tokenizer.json");
    }
  }
}
