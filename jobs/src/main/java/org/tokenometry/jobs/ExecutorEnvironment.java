package org.tokenometry.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkFiles;
import org.tokenometry.udfs.tokenizers.GlibcCheck;
import org.tokenometry.udfs.tokenizers.TokenizerFiles;

/**
 * Where an executor (or a local-mode driver) finds what {@code scripts/submit} shipped, and facts about the JVM
 * it runs in. Tokenizer files arrive as {@code --files <name>.tokenizer.json}: Spark puts them in its
 * SparkFiles root (standalone, Kubernetes, local) and YARN also links them into the container's working
 * directory; without either (a laptop run), the local tokenizer cache is used.
 */
public final class ExecutorEnvironment {
  private ExecutorEnvironment() {}

  /** The name under which scripts/submit ships a tokenizer file. */
  public static String shippedName(String tokenizer) {
    return TokenizerFiles.shippedName(tokenizer);
  }

  /** The tokenizer.json to load for {@code tokenizer} in this JVM. */
  public static Path tokenizerFile(String tokenizer) {
    String shipped = shippedName(tokenizer);
    try {
      Path p = Path.of(SparkFiles.get(shipped));
      if (Files.isRegularFile(p)) {
        return p;
      }
    } catch (RuntimeException e) {
      // no SparkEnv in this JVM (plain unit test): fall through
    }
    Path inWorkDir = Path.of(shipped);
    if (Files.isRegularFile(inWorkDir)) {
      return inWorkDir.toAbsolutePath();
    }
    return TokenizerFiles.cached(tokenizer);
  }

  /** What the manifest or a diagnostics table should say about this JVM's environment. */
  public static Map<String, String> facts() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("glibc", GlibcCheck.detect().map(Object::toString).orElse("unknown"));
    f.put("DJL_OFFLINE", String.valueOf(System.getenv("DJL_OFFLINE")));
    f.put("DJL_CACHE_DIR", String.valueOf(System.getenv("DJL_CACHE_DIR")));
    f.put("working_dir", Path.of("").toAbsolutePath().toString());
    return f;
  }
}
