package org.tokenometry.jobs.reliability.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.config.ConfigCheck;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.ConfiguredRegistry;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.TokenizerFiles;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * Issue 17 items 13 and 14: a config kept outside conf/ silently ran gpt4o on another engine from an unverified
 * file; mistakes (a misspelt mode, a path that matches nothing, an unknown tokenizer used only by retrieval or
 * in a run without tokenize) were found after Spark started, or not at all.
 */
class ConfigCheckTest {
  @TempDir
  Path dir;
  final String savedHome = System.getProperty(TokenizerFiles.HOME_PROPERTY);

  @AfterEach
  void restoreHome() {
    if (savedHome == null) {
      System.clearProperty(TokenizerFiles.HOME_PROPERTY);
    } else {
      System.setProperty(TokenizerFiles.HOME_PROPERTY, savedHome);
    }
  }

  Path config(String yaml) throws Exception {
    Path f = dir.resolve("elsewhere/run.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, yaml);
    return f;
  }

  ConfigException error(String yaml) throws Exception {
    Path f = config(yaml);
    return assertThrows(ConfigException.class, () -> ConfigCheck.all(ConfigLoader.load(f), f, Map.of()));
  }

  @Test
  void aConfigOutsideConfGetsTheInstallationsRegistry() throws Exception {
    ReferenceData.tokenizer("gpt4o");
    Path root = ReferenceData.projectRoot();
    System.setProperty(TokenizerFiles.HOME_PROPERTY, root.toString());
    PipelineConfig c = ConfigLoader.load(config("output: out\nstages: [tokenize]\ntokenizers: [gpt4o]\n"));
    TokenizerRegistry registry = ConfiguredRegistry.of(c);
    assertEquals(root.resolve("conf/tokenizers.yaml").toAbsolutePath().toString(), registry.origin());
    TokenizerRegistry.Resolved r = registry.resolve("gpt4o");
    // the same engine and verified file as conf/sample.yaml gets
    assertEquals(TokenizerRegistry.ENGINE_JAVA, r.type());
    assertTrue(r.verified());
    assertEquals(List.of(), ConfigCheck.all(c, dir.resolve("elsewhere/run.yaml"), Map.of()), "no warnings");
  }

  @Test
  void withoutAnInstallationTheJarsBundledRegistryServes() throws Exception {
    System.clearProperty(TokenizerFiles.HOME_PROPERTY);
    if (System.getenv(TokenizerFiles.HOME_ENV) != null) {
      return; // the environment names an installation: covered by the test above
    }
    PipelineConfig c = ConfigLoader.load(config("output: out\ntokenizers: [gpt4o]\n"));
    TokenizerRegistry registry = ConfiguredRegistry.of(c);
    assertEquals("bundled " + TokenizerFiles.BUNDLED_REGISTRY, registry.origin());
    assertEquals(TokenizerRegistry.load(ReferenceData.projectRoot().resolve("conf/tokenizers.yaml")).entries(),
        registry.entries(), "the bundled registry is conf/tokenizers.yaml as built");
  }

  @Test
  void filesNobodyPinnedAreUsedWithAWarning() throws Exception {
    Files.copy(ReferenceData.tokenizer("minilm"), dir.resolve("elsewhere-tok.json"));
    Path f = config("output: out\nstages: [tokenize]\ntokenizers: [mine=../elsewhere-tok.json, chars]\n");
    List<String> warnings = ConfigCheck.all(ConfigLoader.load(f), f, Map.of());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("tokenizer 'mine': " + dir.resolve("elsewhere-tok.json")
        + " has no sha256 pinned in the registry"), warnings.get(0));
    assertTrue(warnings.get(0).contains(TokenizerRegistry.sha256(dir.resolve("elsewhere-tok.json"))));
  }

  @Test
  void unknownTokenizersAreFoundWhereverTheyAreNamed() throws Exception {
    // tokenize is not in the run, gpt5 is still a mistake
    ConfigException e = error("output: out\nstages: [ingest]\ntokenizers: [gpt4o, gpt5]\n"
        + "corpora:\n  - {name: c, paths: [.], lang: eng_Latn}\n");
    assertTrue(e.getMessage().contains("run.yaml:3:21: unknown tokenizer 'gpt5'"), e.getMessage());
    assertTrue(e.getMessage().contains("; known: [") && e.getMessage().contains("gpt4o"), e.getMessage());
    ConfigException typo = error("output: out\nstages: [report]\ntokenizers: [gtp4o]\n");
    assertTrue(typo.getMessage().contains("unknown tokenizer 'gtp4o'; did you mean 'gpt4o'?"), typo.getMessage());
    ConfigException r = error("output: out\nstages: [report]\ntokenizers: [gpt4o]\nretrieval:\n  tokenizers: [lama3]\n");
    assertTrue(r.getMessage().contains("run.yaml:5:16: unknown tokenizer 'lama3'; did you mean 'llama3'?"),
        r.getMessage());
    ConfigException ref = error("output: out\nstages: [report]\ntokenizers: [gpt4o]\ntokenize: {reference_tokenizer: llama3}\n");
    assertTrue(ref.getMessage().contains("run.yaml:4:12: tokenize.reference_tokenizer 'llama3' is not one of the "
        + "run's tokenizers [gpt4o]"), ref.getMessage());
    ConfigException twice = error("output: out\nstages: [report]\ntokenizers: [chars, words, chars]\n");
    assertTrue(twice.getMessage().contains("run.yaml:3:28: tokenizers: 'chars' is listed twice"), twice.getMessage());
  }

  @Test
  void misspeltModesAndFormatsStopTheLoadAtTheirLine() throws Exception {
    ConfigException mode = assertThrows(ConfigException.class, () -> ConfigLoader.load(config(
        "output: out\ncorpora:\n  - name: c\n    paths: [a.txt]\n    mode: lines\n")));
    assertTrue(mode.getMessage().endsWith("run.yaml:5:5: corpus 'c' mode: 'lines' is not one of [line, file, "
        + "joined, record]; did you mean 'line'?"), mode.getMessage());
    ConfigException format = assertThrows(ConfigException.class, () -> ConfigLoader.load(config(
        "output: out\ncorpora:\n  - {name: c, paths: [a], format: jsnol}\n")));
    assertTrue(format.getMessage().contains("run.yaml:3:27: corpus 'c' format: 'jsnol' is not one of [auto, txt, md, "
        + "jsonl, csv, tsv, parquet, arrow]; did you mean 'jsonl'?"), format.getMessage());
    ConfigException qa = assertThrows(ConfigException.class, () -> ConfigLoader.load(config(
        "output: out\nqa:\n  seed: 1\n  mode: extractiv\n")));
    assertTrue(qa.getMessage().contains("run.yaml:4:3: qa.mode: 'extractiv' is not one of [import, extractive, llm]; "
        + "did you mean 'extractive'?"), qa.getMessage());
  }

  @Test
  void inputPathsThatMatchNothingAreNamedBeforeSparkStarts() throws Exception {
    Files.createDirectories(dir.resolve("elsewhere/data"));
    Files.writeString(dir.resolve("elsewhere/data/a.txt"), "x\n");
    ConfigException e = error("output: out\nstages: [ingest]\ncorpora:\n"
        + "  - {name: c, paths: [data/a.txt, 'data/*.jsonl'], mode: line, lang: eng_Latn}\n");
    assertTrue(e.getMessage().contains("run.yaml:4:35: corpus 'c': no files match '" + dir.resolve("elsewhere/data")
        + "/*.jsonl' (relative paths resolve against the config file's folder)"), e.getMessage());
    // not read by this run (no ingest): not checked
    Path f = config("output: out\nstages: [report]\ncorpora:\n  - {name: c, paths: [missing/*.txt]}\n");
    assertEquals(List.of(), ConfigCheck.all(ConfigLoader.load(f), f, Map.of()));
    ConfigException lex = error("output: out\nstages: [tokenize]\ntokenizers: [chars]\n"
        + "tokenize:\n  lexicons: {eng_Latn: words.txt}\n");
    assertTrue(lex.getMessage().contains("run.yaml:5:14: tokenize.lexicons.eng_Latn: no files match"), lex.getMessage());
  }

  @Test
  void stagesWithNothingToWorkOnStopBeforeSparkStarts() throws Exception {
    ConfigException corpora = error("output: out\nstages: [ingest, report]\n");
    assertTrue(corpora.getMessage().contains("run.yaml: the ingest stage needs at least one entry under 'corpora'"),
        corpora.getMessage());
    ConfigException none = error("output: out\nstages: [tokenize]\ntokenizers: []\n");
    assertTrue(none.getMessage().contains("run.yaml:3:1: 'tokenizers' is empty"), none.getMessage());
  }

  @Test
  void aRegistryTheConfigNamesMustExist() throws Exception {
    ConfigException e = error("output: out\ntokenizer_registry: tokenizers.yaml\ntokenizers: [chars]\nstages: [report]\n");
    assertTrue(e.getMessage().contains("run.yaml:2:1: tokenizer_registry: tokenizer registry not found: "
        + dir.resolve("elsewhere/tokenizers.yaml")), e.getMessage());
  }
}
