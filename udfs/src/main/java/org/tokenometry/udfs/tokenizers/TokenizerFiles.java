package org.tokenometry.udfs.tokenizers;

import java.nio.file.Path;

/** Where scripts/fetch-tokenizers caches tokenizer files: {@code <cache>/<name>/tokenizer.json}. */
public final class TokenizerFiles {
  public static final String CACHE_ENV = "TOKENOMETRY_CACHE";

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
}
