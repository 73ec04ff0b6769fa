package org.tokenometry.jobs.retrieval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.tokenometry.udfs.tokenizers.HfTokenizer;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/** One loaded tokenizer per name per executor JVM: loading a tokenizer.json is expensive, encoding is thread-safe. */
final class TokenizerPool {
  private static final ConcurrentHashMap<String, Tokenizer> LOADED = new ConcurrentHashMap<>();

  private TokenizerPool() {}

  static Tokenizer get(String name, String file) {
    return LOADED.computeIfAbsent(name, n -> HfTokenizer.load(n, locate(file)));
  }

  /** The driver's path, or the copy shipped with --files / spark.files when that path is not on this host. */
  private static Path locate(String file) {
    Path p = Path.of(file);
    if (Files.isRegularFile(p)) {
      return p;
    }
    Path shipped = Path.of(SparkFiles.get(p.getFileName().toString()));
    if (Files.isRegularFile(shipped)) {
      return shipped;
    }
    throw new IllegalStateException("tokenizer file " + file + " is not on this executor; ship it with --files");
  }
}
