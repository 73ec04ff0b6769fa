package org.tokenometry.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.udfs.perturb.Perturbations;

class TokenizeConfigTest {
  @TempDir
  Path dir;

  private TokenizeConfig load(String yaml) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, yaml);
    return ConfigLoader.read(f, PipelineConfig.class).tokenize();
  }

  @Test
  void robustnessIsOffUnlessConfigured() throws Exception {
    TokenizeConfig c = load("tokenize:\n  pivot_lang: eng_Latn\n");
    assertFalse(c.robustness().enabled());
    assertFalse(TokenizeConfig.defaults().robustness().enabled());
    // the section alone: every perturbation, rate 0.05, 2000 per language, seed 42
    TokenizeConfig on = load("tokenize:\n  robustness: {}\n");
    assertEquals(Perturbations.NAMES, on.robustness().perturbations());
    assertEquals(0.05, on.robustness().rate(), 0);
    assertEquals(2000, on.robustness().samplePerLang());
    assertEquals(42L, on.robustness().seed());
    assertFalse(load("tokenize:\n  robustness: {perturbations: []}\n").robustness().enabled());
  }

  @Test
  void readsEveryRobustnessKey() throws Exception {
    TokenizeConfig c = load("""
        tokenize:
          robustness: {perturbations: [upper, typos], rate: 0.1, sample_per_lang: 50, seed: 7}
        """);
    assertEquals(List.of("upper", "typos"), c.robustness().perturbations());
    assertEquals(0.1, c.robustness().rate(), 0);
    assertEquals(50, c.robustness().samplePerLang());
    assertEquals(7L, c.robustness().seed());
    assertTrue(c.robustness().enabled());
  }

  @Test
  void badRobustnessSettingsAreOneLineErrors() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("tokenize:\n  robustness: {perturbations: [upper, capitals]}\n"));
    assertTrue(e.getMessage().contains("tokenize.robustness.perturbations: 'capitals' is not one of [upper, title,"),
        e.getMessage());
    assertTrue(e.getMessage().startsWith(dir.resolve("c.yaml") + ":"), e.getMessage()); // file:line:column
    ConfigException rate = assertThrows(ConfigException.class, () -> load("tokenize:\n  robustness: {rate: 1.5}\n"));
    assertTrue(rate.getMessage().contains("tokenize.robustness.rate must be in (0, 1], got 1.5"), rate.getMessage());
    assertThrows(ConfigException.class, () -> load("tokenize:\n  robustness: {rate: 0}\n"));
    ConfigException twice = assertThrows(ConfigException.class,
        () -> load("tokenize:\n  robustness: {perturbations: [nfd, upper, nfd]}\n"));
    assertTrue(twice.getMessage().contains("'nfd' is listed twice"), twice.getMessage());
    ConfigException n = assertThrows(ConfigException.class,
        () -> load("tokenize:\n  robustness: {sample_per_lang: 0}\n"));
    assertTrue(n.getMessage().contains("sample_per_lang must be positive"), n.getMessage());
    ConfigException key = assertThrows(ConfigException.class, () -> load("tokenize:\n  robustness: {ratio: 1}\n"));
    assertTrue(key.getMessage().contains("unknown key 'ratio'"), key.getMessage());
  }

  @Test
  void numbersAreOnByDefault() throws Exception {
    TokenizeConfig d = TokenizeConfig.defaults();
    assertTrue(d.numbers().enabled());
    assertEquals(100, d.numbers().generatedPerLength());
    assertEquals(42L, d.numbers().seed());
    TokenizeConfig c = load("tokenize:\n  numbers: {enabled: false, generated_per_length: 0, seed: 3}\n");
    assertFalse(c.numbers().enabled());
    assertEquals(0, c.numbers().generatedPerLength());
    assertEquals(3L, c.numbers().seed());
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("tokenize:\n  numbers: {generated_per_length: -1}\n"));
    assertTrue(e.getMessage().contains("tokenize.numbers.generated_per_length must be in 0..100000, got -1"),
        e.getMessage());
  }

  @Test
  void resolvingPathsKeepsTheNewSections() throws Exception {
    TokenizeConfig c = load("tokenize:\n  robustness: {perturbations: [nfd]}\n  numbers: {seed: 9}\n")
        .resolvePaths(dir);
    assertEquals(List.of("nfd"), c.robustness().perturbations());
    assertEquals(9L, c.numbers().seed());
  }
}
