package org.tokenometry.jobs;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.tokenometry.jobs.config.ConfigCheck;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.ConfiguredRegistry;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * What {@code scripts/submit} needs to know about a config before calling spark-submit, printed as
 * tab-separated lines: {@code tokenizer <name> <file>} for every registry tokenizer the run uses (the verified
 * file to ship as {@code <name>.tokenizer.json}; baselines need none, {@code name=path} and {@code hf:} files
 * are shipped by the driver itself), {@code registry <file>} when the config names one, and {@code output
 * <uri>}. Reading the YAML here keeps the wrapper from parsing YAML in bash and checks the config (keys, values,
 * tokenizer names and files) before a cluster slot is spent on it; input paths and the output are checked by
 * the driver, which sees the cluster's filesystems, and stage names too, since it sees {@code --jars}.
 */
public final class SubmitPlan {
  private SubmitPlan() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: SubmitPlan <config.yaml>");
      System.exit(ExitCode.USAGE);
    }
    try {
      Path file = Path.of(args[0]);
      PipelineConfig c = ConfigLoader.load(file);
      for (String w : ConfigCheck.tokenizers(c, file)) {
        System.err.println("warning: " + w);
      }
      TokenizerRegistry registry = ConfiguredRegistry.of(c);
      Set<String> names = new LinkedHashSet<>(c.tokenizers());
      names.addAll(c.retrieval().tokenizers());
      for (String t : names) {
        if (registry.entries().containsKey(t) && !TokenizerRegistry.BASELINES.contains(t)) {
          System.out.println("tokenizer\t" + t + "\t" + registry.resolve(t).file());
        }
      }
      if (c.tokenizerRegistry() != null) {
        System.out.println("registry\t" + c.tokenizerRegistry());
      }
      System.out.println("output\t" + c.output());
    } catch (RuntimeException e) {
      String problem = ErrorReport.usageProblem(e);
      if (problem == null) {
        throw e;
      }
      System.err.println("error: " + problem);
      System.exit(ExitCode.USAGE);
    }
  }
}
