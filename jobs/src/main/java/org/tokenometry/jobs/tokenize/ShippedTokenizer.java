package org.tokenometry.jobs.tokenize;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * A tokenizer as executors see it: its name and the file name Spark shipped with the job ({@code
 * SparkContext.addFile}), so it loads on executors that do not share the driver's disk. Loading goes through
 * the registry's JVM-wide cache, keyed by content: each JVM loads each tokenizer once (in local mode the
 * driver's instance is reused).
 */
public record ShippedTokenizer(String name, String type, String shippedName, String driverPath, String sha256)
    implements Serializable {

  public Tokenizer open() {
    if ("baseline".equals(type)) {
      return TokenizerRegistry.open(name, type, null);
    }
    // the driver's path only when no file was shipped (a unit test's session reuse, or no Spark at all)
    Path local = SparkEnv.get() == null ? Path.of(driverPath) : Path.of(SparkFiles.get(shippedName));
    if (!Files.isRegularFile(local)) {
      local = Path.of(driverPath);
    }
    return TokenizerRegistry.open(name, type, local, sha256);
  }
}
