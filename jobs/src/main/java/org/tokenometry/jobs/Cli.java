package org.tokenometry.jobs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.config.ConfigCheck;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.console.ProgressListener;
import org.tokenometry.jobs.console.RunSummary;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.jobs.report.ReportTables;
import org.tokenometry.jobs.tokenize.TokenizerListing;
import org.tokenometry.udfs.tokenizers.TokenizerException;
import org.tokenometry.udfs.tokenizers.TokenizerFiles;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * The command line. Exit codes ({@link ExitCode}): 0 success, 1 the run failed (see the message and
 * _manifest.json), 2 bad usage or configuration, or an output another run holds (the message names the fix),
 * 130 / 143 interrupted by SIGINT / SIGTERM.
 */
@Command(name = "tokenometry", mixinStandardHelpOptions = true, versionProvider = Versions.Provider.class,
    description = "Measures tokenizers on real corpora with Apache Spark: token premiums, compression, "
        + "coverage and chunk-retrieval quality, as Parquet tables plus an HTML report.",
    subcommands = {Cli.Run.class, Cli.StageCommand.Ingest.class, Cli.StageCommand.Tokenize.class,
        Cli.StageCommand.Qa.class, Cli.StageCommand.Retrieval.class, Cli.StageCommand.Report.class,
        Cli.Tokenizers.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  tokenometry run                         conf/sample.yaml, all stages",
        "  tokenometry run my.yaml --master 'local[4]'   four local threads",
        "  tokenometry run my.yaml --stages ingest,tokenize",
        "  tokenometry report my.yaml              redraw <output>/report/index.html",
        "  tokenometry help tokenize               help for one command",
        "",
        "Stack traces are printed only for unexpected errors;",
        "set TOKENOMETRY_DEBUG=1 to always see them."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the run failed (message on stderr, status in <output>/_manifest.json)",
        "2:bad usage or configuration (the message names the file, line and fix),",
        " :or the output is locked by another run",
        "130:interrupted by Ctrl-C (SIGINT); the manifest says interrupted",
        "143:terminated by SIGTERM; the manifest says interrupted"})
public final class Cli implements Callable<Integer> {
  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return ExitCode.USAGE;
  }

  public static void main(String[] args) {
    Signals.install();
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Cli());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      int code = ErrorReport.print(ex, cmd.getErr(), "1".equals(System.getenv("TOKENOMETRY_DEBUG")));
      cmd.getErr().flush();
      return code;
    });
    // a mistyped option or a missing value: one line naming it, not the whole usage text
    cl.setParameterExceptionHandler((ex, params) -> {
      CommandLine cmd = ex.getCommandLine();
      String name = cmd.getCommandSpec().qualifiedName();
      cmd.getErr().println("error: " + ex.getMessage().strip().lines().findFirst().orElse("")
          + suggestion(ex) + " (see: " + name + " --help)");
      cmd.getErr().flush();
      return ExitCode.USAGE;
    });
    return cl.execute(args);
  }

  private static String suggestion(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      return "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
    }
    return "";
  }

  /** Options shared by every command that runs stages. */
  static class RunOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
        description = "pipeline YAML (default: conf/sample.yaml)")
    Path config;

    @Option(names = "--output", paramLabel = "URI",
        description = "override the config's output location (empty: the config's)")
    String output;

    @Option(names = "--master", paramLabel = "MASTER",
        description = "local Spark master when not launched by spark-submit: local, local[N], local[*] "
            + "(default local[*]); clusters go through scripts/submit")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "extra Spark configuration")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Option(names = {"-q", "--quiet"}, description = "only print results and errors")
    boolean quiet;

    @Option(names = "--force-unlock",
        description = "take over <output>/_lock even when this host cannot tell whether its run is alive "
            + "(a run on another host); only when you know that run is gone")
    boolean forceUnlock;

    Path configFile() {
      return config != null ? config : defaultConfig();
    }

    static Path defaultConfig() {
      String home = System.getProperty(TokenizerFiles.HOME_PROPERTY,
          System.getenv().getOrDefault(TokenizerFiles.HOME_ENV, "."));
      return Path.of(home, "conf", "sample.yaml");
    }

    /**
     * The config with the command line's overrides, checked as far as it can be without Spark (names,
     * tokenizer files, local paths, the output, the master); warnings go to stderr unless quiet.
     */
    PipelineConfig checkedConfig(List<String> onlyStages) {
      Path file = configFile();
      PipelineConfig c = ConfigLoader.load(file);
      Map<String, String> overrides = new LinkedHashMap<>();
      if (output != null && !output.isBlank()) {
        c = c.withOutput(output);
        overrides.put("output", "--output");
      }
      if (onlyStages != null) {
        c = c.withStages(onlyStages);
        overrides.put("stages", "--stages");
      }
      Pipeline.validate(c);
      SparkSessions.checkMaster(master);
      List<String> warnings = ConfigCheck.all(c, file, overrides);
      if (!quiet) {
        warnings.forEach(w -> System.err.println("warning: " + w));
      }
      return c;
    }

    int runStages(List<String> onlyStages) throws Exception {
      PipelineConfig c = checkedConfig(onlyStages);
      Console console = new Console(System.out, quiet);
      if (quiet) {
        QuietLogs.errorsOnly();
      }
      Map<String, String> conf = new LinkedHashMap<>(c.spark());
      conf.putAll(sparkConf);
      SparkSession spark = SparkSessions.create(master, conf);
      ProgressListener progress = quiet ? null : ProgressListener.toStderr();
      if (progress != null) {
        spark.sparkContext().addSparkListener(progress);
        console.settleProgressWith(() -> progress.settle(spark.sparkContext()));
      }
      try {
        Pipeline.run(spark, c, console, forceUnlock);
        // the run has succeeded (final manifest written): nothing below changes the exit code
        if (progress != null) {
          try {
            progress.finishGroup();
          } catch (RuntimeException e) {
            // a progress line is cosmetic
          }
        }
        PipelineConfig done = c;
        RunSummary.print(() -> ReportTables.load(new TableStore(spark, done.output(), "summary")),
            c.report().summaryRows(), c.output(), c.stages().contains("report"), console::result, System.err);
        console.result("output: " + c.output());
        return ExitCode.OK;
      } finally {
        try {
          spark.stop();
        } catch (RuntimeException e) {
          System.err.println("warning: stopping Spark: " + e.getMessage());
        }
      }
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run the stages the config lists (default conf/sample.yaml), in pipeline order: ingest, "
          + "tokenize, qa, retrieval, report.",
      footerHeading = "%nExamples:%n",
      footer = {"  tokenometry run                         conf/sample.yaml in local mode",
          "  tokenometry run my.yaml --stages tokenize,report",
          "  tokenometry run my.yaml --conf spark.executor.memory=8g",
          "On a cluster use scripts/submit (spark-submit) and leave out --master."})
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
        description = "Read the config's corpora into the documents and rejects tables.",
        footerHeading = "%nExamples:%n",
        footer = {"  tokenometry ingest conf/sample.yaml",
            "      same as: run conf/sample.yaml --stages ingest",
            "  tokenometry ingest my.yaml --output hdfs:///tmp/tok"})
    static final class Ingest extends StageCommand {
      @Override
      String stage() {
        return "ingest";
      }
    }

    @Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Tokenize every document with every configured tokenizer; writes doc_tokens, "
            + "compression, coverage, fairness and vocab_profile.",
        footerHeading = "%nExamples:%n",
        footer = {"  tokenometry tokenize conf/sample.yaml",
            "      same as: run conf/sample.yaml --stages tokenize",
            "  tokenometry tokenizers list             the tokenizer names a config may use"})
    static final class Tokenize extends StageCommand {
      @Override
      String stage() {
        return "tokenize";
      }
    }

    @Command(name = "qa", mixinStandardHelpOptions = true,
        description = "Build the questions table: import a question file or generate questions from documents.",
        footerHeading = "%nExamples:%n",
        footer = {"  tokenometry qa conf/sample.yaml",
            "      same as: run conf/sample.yaml --stages qa"})
    static final class Qa extends StageCommand {
      @Override
      String stage() {
        return "qa";
      }
    }

    @Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Chunk documents per tokenizer and chunker, retrieve for every question and score "
            + "recall, precision, IoU and Precision-Omega; writes retrieval and retrieval_questions.",
        footerHeading = "%nExamples:%n",
        footer = {"  tokenometry retrieval conf/sample.yaml",
            "      same as: run conf/sample.yaml --stages retrieval"})
    static final class Retrieval extends StageCommand {
      @Override
      String stage() {
        return "retrieval";
      }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
        description = "Draw <output>/report/index.html (one self-contained file, charts included) from the "
            + "aggregate tables and print the run summary; missing tables are skipped with a note.",
        footerHeading = "%nExamples:%n",
        footer = {"  tokenometry report conf/sample.yaml",
            "      same as: run conf/sample.yaml --stages report",
            "  tokenometry report my.yaml --output /data/run7   another output folder"})
    static final class Report extends StageCommand {
      @Override
      String stage() {
        return "report";
      }
    }
  }

  @Command(name = "tokenizers", mixinStandardHelpOptions = true,
      description = "Tokenizers known to the registry.", subcommands = {Tokenizers.ListCommand.class})
  static final class Tokenizers implements Callable<Integer> {
    @Override
    public Integer call() {
      new CommandLine(this).usage(System.out);
      return ExitCode.USAGE;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
        description = "List tokenizers: name, type, vocabulary size, source, cached or not.")
    static final class ListCommand implements Callable<Integer> {
      @Option(names = "--registry", paramLabel = "FILE", description = "default: the installation's "
          + "conf/tokenizers.yaml")
      Path registry;

      @Override
      public Integer call() {
        TokenizerRegistry reg;
        try {
          reg = registry != null ? TokenizerRegistry.load(registry) : TokenizerRegistry.installed();
        } catch (TokenizerException e) {
          if (registry != null) {
            throw new ConfigException(e.getMessage(), e);
          }
          System.err.println("note: " + e.getMessage() + "; listing baselines and cached files only");
          reg = TokenizerRegistry.empty();
        }
        TokenizerListing.print(reg, System.out);
        return ExitCode.OK;
      }
    }
  }
}
