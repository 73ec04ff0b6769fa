package org.tokenometry.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tokenometry.udfs.tokenizers.TokenizerFiles;

/**
 * Locates the reference corpora (../shared/data) for tests tagged "reference" and the cached tokenizer files.
 * Missing data is a failure, never a skip: .ci/run runs these checks and must fail loudly without the data.
 */
public final class ReferenceData {
  public static final String PROPERTY = "tokenometry.reference";

  private ReferenceData() {}

  /** The reference data root, from -Dtokenometry.reference (set by scripts/test --reference). */
  public static Path root() {
    String p = System.getProperty(PROPERTY);
    if (p == null || p.isBlank()) {
      fail("reference tests need -D" + PROPERTY + "=<path to shared/data>; run scripts/test --reference ../shared/data");
    }
    Path root = Path.of(p);
    if (!Files.isDirectory(root)) {
      fail("reference data folder not found: " + root.toAbsolutePath());
    }
    return root;
  }

  public static Path file(String relative) {
    Path f = root().resolve(relative);
    if (!Files.exists(f)) {
      fail("reference file missing: " + f.toAbsolutePath());
    }
    return f;
  }

  /** A cached tokenizer.json; fails with the fix when scripts/fetch-tokenizers has not run. */
  public static Path tokenizer(String name) {
    Path f = TokenizerFiles.cached(name);
    if (!Files.isRegularFile(f)) {
      fail("tokenizer file for '" + name + "' not cached at " + f + "; run scripts/fetch-tokenizers");
    }
    return f;
  }

  /** The project root (set by Surefire), for sample-data and conf. */
  public static Path projectRoot() {
    String p = System.getProperty("tokenometry.projectRoot");
    Path root = p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
    if (!Files.isDirectory(root.resolve("sample-data")) && Files.isDirectory(root.getParent().resolve("sample-data"))) {
      root = root.getParent();
    }
    return root;
  }
}
