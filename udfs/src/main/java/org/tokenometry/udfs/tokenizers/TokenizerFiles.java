package org.tokenometry.udfs.tokenizers;

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
}
