package org.tokenometry.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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

  Path cache;

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A registry with one fetched list (turkish) and one not fetched (dutch), and a cache beside it. */
  @BeforeEach
  void registryAndCache() throws Exception {
    cache = dir.resolve("cache");
    Files.createDirectories(cache.resolve("turkish"));
    Files.writeString(cache.resolve("turkish/words.txt"), "ev\nevler\n");
    Files.writeString(dir.resolve("lexicons.yaml"), """
        lexicons:
          turkish:
            lang: tur_Latn
            source: {hunspell: hunspell-tr, version: "1", dic: a.dic, aff: a.aff, tools: t, tools_version: "1"}
            sha256: %s
          dutch:
            lang: nld_Latn
            source: {deb: wdutch, version: "1", path: usr/share/dict/dutch}
            sha256: %s
        """.formatted(sha256("ev\nevler\n"), sha256("x\n")));
  }

  private TokenizeConfig loadResolved(String yaml) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, yaml);
    return ConfigLoader.read(f, PipelineConfig.class).tokenize()
        .resolvePaths(dir, p -> LexiconRegistry.load(p).withCacheDir(cache));
  }

  @Test
  void bootstrapDefaultsAndKeys() throws Exception {
    TokenizeConfig d = TokenizeConfig.defaults();
    assertEquals(200, d.bootstrapReplicates());
    assertEquals(42L, d.bootstrapSeed());
    assertEquals("lexicons.yaml", d.lexiconRegistry());
    TokenizeConfig c = loadResolved("tokenize: {bootstrap_replicates: 1000, bootstrap_seed: 7}\n");
    assertEquals(1000, c.bootstrapReplicates());
    assertEquals(7L, c.bootstrapSeed());
    assertEquals(dir.resolve("lexicons.yaml").toString(), c.lexiconRegistry());
    assertEquals(0, loadResolved("tokenize: {bootstrap_replicates: 0}\n").bootstrapReplicates());
  }

  @Test
  void tooFewOrTooManyReplicatesAreErrors() {
    ConfigException few = assertThrows(ConfigException.class,
        () -> loadResolved("tokenize: {bootstrap_replicates: 50}\n"));
    assertTrue(few.getMessage().contains("tokenize.bootstrap_replicates must be 0 (no confidence intervals) or "
        + "between 200 and 2000"), few.getMessage());
    ConfigException many = assertThrows(ConfigException.class,
        () -> loadResolved("tokenize: {bootstrap_replicates: 5000}\n"));
    assertTrue(many.getMessage().contains("got 5000"), many.getMessage());
  }

  @Test
  void rareTokenCountDefaultsToTheCensusAndMustBePositive() throws Exception {
    assertEquals(5, TokenizeConfig.defaults().rareTokenCount());
    // survives resolvePaths, which rebuilds the record
    assertEquals(12, loadResolved("tokenize: {rare_token_count: 12}\n").rareTokenCount());
    ConfigException zero = assertThrows(ConfigException.class,
        () -> loadResolved("tokenize: {rare_token_count: 0}\n"));
    assertTrue(zero.getMessage().contains("tokenize.rare_token_count must be positive, got 0"), zero.getMessage());
  }

  @Test
  void lexiconsAreRegistryNamesOrPaths() throws Exception {
    Files.writeString(dir.resolve("words"), "a\n"); // a bare name that is a file beside the config stays a file
    TokenizeConfig c = loadResolved(
        "tokenize:\n  lexicons: {tur_Latn: turkish, eng_Latn: lists/en.txt, fra_Latn: words}\n");
    assertEquals(cache.resolve("turkish/words.txt").toString(), c.lexicons().get("tur_Latn"));
    assertEquals(dir.resolve("lists/en.txt").toString(), c.lexicons().get("eng_Latn"));
    assertEquals(dir.resolve("words").toString(), c.lexicons().get("fra_Latn"));
  }

  @Test
  void registryNamesThatCannotBeUsedSayWhyAndTheFix() throws Exception {
    ConfigException unknown = assertThrows(ConfigException.class,
        () -> loadResolved("tokenize: {lexicons: {tur_Latn: turkce}}\n"));
    assertTrue(unknown.getMessage().startsWith("tokenize.lexicons.tur_Latn: 'turkce' is neither a word list of "),
        unknown.getMessage());
    assertTrue(unknown.getMessage().contains("[turkish, dutch]"), unknown.getMessage());
    ConfigException missing = assertThrows(ConfigException.class,
        () -> loadResolved("tokenize: {lexicons: {nld_Latn: dutch}}\n"));
    assertTrue(missing.getMessage().endsWith("is missing); run scripts/fetch-lexicons --only dutch"),
        missing.getMessage());
    ConfigException lang = assertThrows(ConfigException.class,
        () -> loadResolved("tokenize: {lexicons: {aze_Latn: turkish}}\n"));
    assertEquals("tokenize.lexicons.aze_Latn: 'turkish' is the word list of tur_Latn, not aze_Latn",
        lang.getMessage());
    Files.writeString(cache.resolve("turkish/words.txt"), "ev\n"); // changed since it was fetched
    ConfigException stale = assertThrows(ConfigException.class,
        () -> loadResolved("tokenize: {lexicons: {tur_Latn: turkish}}\n"));
    assertTrue(stale.getMessage().contains("but " + dir.resolve("lexicons.yaml") + " expects "), stale.getMessage());
    assertTrue(stale.getMessage().endsWith("fetch it again with scripts/fetch-lexicons --only turkish"),
        stale.getMessage());
  }

  @Test
  void aNameWithoutARegistrySaysWhere() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> loadResolved("tokenize: {lexicon_registry: none.yaml, lexicons: {tur_Latn: turkish}}\n"));
    assertEquals("lexicon registry not found: " + dir.resolve("none.yaml") + " (set tokenize.lexicon_registry, "
        + "or give tokenize.lexicons file paths)", e.getMessage());
  }
}
