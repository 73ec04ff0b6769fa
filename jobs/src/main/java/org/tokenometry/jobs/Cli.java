package org.tokenometry.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.tokenize.TokenizerListing;
import org.tokenometry.udfs.tokenizers.TokenizerException;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line. Exit codes: 0 success, 1 the run failed (see the message and _manifest.json),
 * 2 bad usage or configuration (the message names the file and the fix).
 */
@Command(name = "tokenometry", mixinStandardHelpOptions = true, version = "tokenometry 0.1.0",
    description = "Measures tokenizers on real corpora with Apache Spark.",
    subcommands = {Cli.Run.class, Cli.StageCommand.Ingest.class, Cli.StageCommand.Tokenize.class, Cli.Tokenizers.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the run failed (message on stderr, status in <output>/_manifest.json)",
        "2:bad usage or configuration"})
public final class Cli implements Callable<Integer> {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_USAGE = 2;

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return EXIT_USAGE;
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Cli());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof ConfigException) {
        cmd.getErr().println("error: " + ex.getMessage());
        return EXIT_USAGE;
      }
      cmd.getErr().println("error: " + ex);
      ex.printStackTrace(cmd.getErr());
      return EXIT_FAILED;
    });
    return cl.execute(args);
  }

  /** Options shared by every command that runs stages. */
  static class RunOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
        description = "pipeline YAML (default: conf/sample.yaml)")
    Path config;

    @Option(names = "--output", paramLabel = "URI", description = "override the config's output location")
    String output;

    @Option(names = "--master", paramLabel = "MASTER",
        description = "Spark master when not launched by spark-submit (default local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "extra Spark configuration")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Option(names = {"-q", "--quiet"}, description = "only print results and errors")
    boolean quiet;

    PipelineConfig load() {
      Path file = config != null ? config : defaultConfig();
      PipelineConfig c = ConfigLoader.load(file);
      return output != null ? c.withOutput(output) : c;
    }

    static Path defaultConfig() {
      String home = System.getProperty("tokenometry.home", System.getenv().getOrDefault("TOKENOMETRY_HOME", "."));
      return Path.of(home, "conf", "sample.yaml");
    }

    int runStages(List<String> onlyStages) throws Exception {
      PipelineConfig c = load();
      if (onlyStages != null) {
        c = c.withStages(onlyStages);
      }
      Pipeline.validate(c);
      Console console = new Console(System.out, quiet);
      Map<String, String> conf = new LinkedHashMap<>(c.spark());
      conf.putAll(sparkConf);
      SparkSession spark = SparkSessions.create(master, conf);
      try {
        Pipeline.run(spark, c, console);
        console.result("output: " + c.output());
        return EXIT_OK;
      } finally {
        spark.stop();
      }
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run the stages listed in the config (default conf/sample.yaml).")
  static final class Run extends RunOptions implements Callable<Integer> {
    @Option(names = "--stages", split = ",", paramLabel = "STAGE",
        description = "run only these stages (comma-separated)")
    List<String> stages;

    @Override
    public Integer call() throws Exception {
      return runStages(stages);
    }
  }

  /** One subcommand per stage, each the same as {@code run --stages <name>}. */
  abstract static class StageCommand extends RunOptions implements Callable<Integer> {
    abstract String stage();

    @Override
    public Integer call() throws Exception {
      return runStages(List.of(stage()));
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read the config's corpora into the documents and rejects tables.")
    static final class Ingest extends StageCommand {
      @Override
      String stage() {
        return "ingest";
      }
    }

    @Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Tokenize the documents table with every configured tokenizer: doc_tokens, compression, "
            + "coverage, fairness, vocab_profile.")
    static final class Tokenize extends StageCommand {
      @Override
      String stage() {
        return "tokenize";
      }
    }
  }

  @Command(name = "tokenizers", mixinStandardHelpOptions = true,
      description = "Tokenizers known to the registry.", subcommands = {Tokenizers.ListCommand.class})
  static final class Tokenizers implements Callable<Integer> {
    @Override
    public Integer call() {
      new CommandLine(this).usage(System.out);
      return EXIT_USAGE;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
        description = "List tokenizers: name, type, vocabulary size, source, cached or not.")
    static final class ListCommand implements Callable<Integer> {
      @Option(names = "--registry", paramLabel = "FILE", description = "default: conf/tokenizers.yaml")
      Path registry;

      @Override
      public Integer call() {
        Path file = registry != null ? registry
            : RunOptions.defaultConfig().getParent().resolve("tokenizers.yaml");
        if (registry != null && !Files.isRegularFile(file)) {
          throw new ConfigException("tokenizer registry not found: " + file.toAbsolutePath());
        }
        if (!Files.isRegularFile(file)) {
          System.err.println("note: no registry at " + file.toAbsolutePath()
              + "; listing baselines and cached files only");
        }
        TokenizerRegistry reg;
        try {
          reg = TokenizerRegistry.load(file);
        } catch (TokenizerException e) {
          throw new ConfigException(e.getMessage(), e);
        }
        TokenizerListing.print(reg, System.out);
        return EXIT_OK;
      }
    }
  }
}
