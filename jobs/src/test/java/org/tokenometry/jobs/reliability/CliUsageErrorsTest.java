package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.ExitCode;
import org.tokenometry.jobs.SparkSessions;

/**
 * Issue 17 item 15: bad usage gave exit 1 and 25-50 lines of stack trace (even with -q). Every mistake of the
 * kind a person makes at the command line exits 2 with one line naming the value and the fix, and none of
 * them starts Spark.
 */
class CliUsageErrorsTest {
  @TempDir
  Path dir;
  int sessionsBefore;

  @BeforeEach
  void countSessions() {
    sessionsBefore = SparkSessions.created();
  }

  @AfterEach
  void noSparkSessionWasStarted() {
    assertEquals(sessionsBefore, SparkSessions.created(), "a usage error must not start Spark");
  }

  Path config(String yaml) throws Exception {
    Path f = dir.resolve("run.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  /** A config that passes every check: one local corpus, the output in the temp folder. */
  Path goodConfig() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "hello world\n");
    return config("output: out\nstages: [ingest]\ncorpora:\n  - {name: c, paths: [a.txt], mode: line, lang: eng_Latn}\n");
  }

  static void usage(CliRun r, String... mustContain) {
    assertEquals(ExitCode.USAGE, r.code(), r.toString());
    assertTrue(r.oneErrorLine(), "one line on stderr: " + r);
    for (String s : mustContain) {
      assertTrue(r.err().contains(s), "'" + s + "' in: " + r.err());
    }
  }

  @Test
  void aMasterSparkCannotParseIsNamedWithTheFix() throws Exception {
    usage(CliRun.of("run", goodConfig().toString(), "--master", "bogus://x", "-q"), "--master bogus://x",
        "local[*]");
    usage(CliRun.of("run", goodConfig().toString(), "--master", "local[0]"), "--master local[0]");
  }

  @Test
  void aClusterMasterPointsAtScriptsSubmit() throws Exception {
    usage(CliRun.of("ingest", goodConfig().toString(), "--master", "yarn"), "scripts/submit --master yarn");
    usage(CliRun.of("ingest", goodConfig().toString(), "--master", "spark://h:7077"), "scripts/submit");
  }

  @Test
  void aCorruptTokenizerJsonIsOneLineBeforeSparkStarts() throws Exception {
    Files.writeString(dir.resolve("tok.json"), "{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0,");
    // relative name=path resolves against the config's folder, not the working directory
    Path cfg = config("output: out\nstages: [tokenize]\ntokenizers: [mine=tok.json]\n");
    usage(CliRun.of("run", cfg.toString(), "-q"), cfg + ":3:14: ", "tokenizer 'mine': " + dir.resolve("tok.json"),
        "not a readable tokenizer.json", "line 1");
    Files.writeString(dir.resolve("tok.json"), "[1, 2]");
    usage(CliRun.of("run", cfg.toString()), "is not a tokenizer.json");
  }

  @Test
  void anOutputThatCannotBeWrittenIsNamed() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "hello\n");
    Path cfg = config("output: a.txt/out\nstages: [ingest]\n"
        + "corpora:\n  - {name: c, paths: [a.txt], mode: line, lang: eng_Latn}\n");
    usage(CliRun.of("run", cfg.toString()), cfg + ":1:1: ", "output " + dir.resolve("a.txt/out"),
        "is a file, not a folder");
    // the same through --output: the option is named, not a line of the file
    usage(CliRun.of("run", goodConfig().toString(), "--output", dir.resolve("a.txt").resolve("x").toString()),
        "error: --output: output ");
  }

  @Test
  void yamlSyntaxErrorsAreOneLineWithThePositionOnce() throws Exception {
    Path cfg = config("output: out\nstages: [ingest, report\ncorpora: []\n");
    CliRun r = CliRun.of("run", cfg.toString());
    usage(r, cfg + ":3:8: expected ',' or ']', but got :", "(while parsing a flow sequence started at 2:9)");
    assertTrue(!r.err().contains("line 3") && !r.err().contains("'reader'"), r.err());
    Path tabs = config("output: out\n\tstages: [ingest]\n");
    usage(CliRun.of("run", tabs.toString()), tabs + ":2:");
  }

  @Test
  void anUnknownKeyListsTheAllowedKeysSortedAndTheNearestOne() throws Exception {
    Path cfg = config("output: out\ningest:\n  shard: 8\n");
    CliRun r = CliRun.of("run", cfg.toString());
    usage(r, cfg + ":3:3: unknown key 'shard'; did you mean 'shards'?; allowed here: max_doc_bytes, "
        + "partition_bytes, shards");
    Path far = config("output: out\nreport:\n  colour: red\n");
    CliRun f = CliRun.of("run", far.toString());
    usage(f, "unknown key 'colour'; allowed here: summary_rows, title");
  }

  @Test
  void aFolderAMissingFileAndFilesThatAreNotAConfigAreNamed() throws Exception {
    goodConfig();
    usage(CliRun.of("run", dir.toString()), dir + " is a directory, not a config file", "run.yaml");
    usage(CliRun.of("run", dir.resolve("nope.yaml").toString()), "config file not found: " + dir.resolve("nope.yaml"));
    usage(CliRun.of("run", config("Just a note to myself.\n").toString()),
        "the file must be a mapping of keys, not the text 'Just a note to myself.'");
    Files.write(dir.resolve("run.yaml"), new byte[] {0, 1, 2, (byte) 0xff});
    usage(CliRun.of("run", dir.resolve("run.yaml").toString()), dir.resolve("run.yaml") + ":1:1: ");
    usage(CliRun.of("run", config("").toString()), "the file is empty");
  }

  @Test
  void valuesOfTheWrongShapeOrSignNameTheKey() throws Exception {
    usage(CliRun.of("run", config("stages: 5\n").toString()), ":1:1: 'stages' must be a list, e.g. [a, b], not a "
        + "number");
    usage(CliRun.of("run", config("tokenizers: gpt4o\n").toString()), "'tokenizers' must be a list");
    usage(CliRun.of("run", config("output: out\ningest: {shards: -4}\n").toString()),
        ":2:10: ingest.shards must be positive, got -4");
    usage(CliRun.of("run", config("output: out\ningest:\n  max_doc_bytes: 0\n").toString()),
        ":3:3: ingest.max_doc_bytes must be positive, got 0");
    usage(CliRun.of("run", config("output: out\ningest: {shards: 1.5}\n").toString()),
        "'ingest.shards' must be a whole number");
    usage(CliRun.of("run", config("output: out\nretrieval:\n  chunkers:\n    - {type: fixed, sizes: [200, -1]}\n")
        .toString()), ":4:34: retrieval.chunkers: size for 'fixed' must be positive, got -1");
    usage(CliRun.of("run", config("output: out\nretrieval:\n  chunkers:\n    - {type: fixed, overlaps: [-5]}\n")
        .toString()), "overlap for 'fixed' must be at least 0, got -5");
    usage(CliRun.of("run", config("output: out\nqa:\n  llm: {timeout_seconds: 0}\n").toString()),
        "qa.llm.timeout_seconds must be greater than 0, got 0.0");
    usage(CliRun.of("run", config("output: a\noutput: b\n").toString()), ":2:7: Duplicate field 'output'");
    usage(CliRun.of("run", config("stages: []\n").toString()), "'stages' is empty");
  }

  @Test
  void commandLineMistakesAreOneLine() throws Exception {
    usage(CliRun.of("run", "--colour"), "Unknown option: '--colour'", "(see: tokenometry run --help)");
    usage(CliRun.of("run", goodConfig().toString(), "--conf", "spark.x"), "--conf");
    usage(CliRun.of("run", "a.yaml", "b.yaml"), "b.yaml");
    usage(CliRun.of("tokenize", goodConfig().toString(), "--stages", "x"), "--stages");
    usage(CliRun.of("run", goodConfig().toString(), "--stages", "ingest,tokenise"), "unknown stage 'tokenise'");
    usage(CliRun.of("tokenizers", "list", "--registry", dir.resolve("none.yaml").toString()),
        "tokenizer registry not found: " + dir.resolve("none.yaml"));
  }

  @Test
  void helpAndVersionStartNoSpark() {
    assertEquals(0, CliRun.of("--help").code());
    assertEquals(0, CliRun.of("--version").code());
    assertEquals(0, CliRun.of("help", "run").code());
    CliRun r = CliRun.of("run", "--help");
    assertEquals(0, r.code());
    assertTrue(Pattern.compile("--master=MASTER").matcher(r.out()).find(), r.out());
  }
}
