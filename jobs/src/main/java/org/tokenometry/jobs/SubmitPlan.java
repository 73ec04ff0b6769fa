package org.tokenometry.jobs;

import java.nio.file.Path;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * What {@code scripts/submit} needs to know about a config before calling spark-submit, printed as
 * tab-separated lines: {@code tokenizer <name>} for every tokenizer whose file must be shipped to executors
 * (baselines need none), and {@code output <uri>}. Reading the YAML here keeps the wrapper from parsing YAML in
 * bash and checks the config (unknown keys, missing
 * file) before a cluster slot is spent on it; stage names are checked by the driver, which sees {@code --jars}.
 */
public final class SubmitPlan {
  private SubmitPlan() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: SubmitPlan <config.yaml>");
      System.exit(ExitCode.USAGE);
    }
    try {
      PipelineConfig c = ConfigLoader.load(Path.of(args[0]));
      for (String t : c.tokenizers()) {
        if (!TokenizerRegistry.BASELINES.contains(t)) {
          System.out.println("tokenizer\t" + t);
        }
      }
      System.out.println("output\t" + c.output());
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(ExitCode.USAGE);
    }
  }
}
