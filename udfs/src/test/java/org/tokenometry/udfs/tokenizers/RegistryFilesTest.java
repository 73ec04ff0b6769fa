package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.ReferenceData;

/** Which registry and which files a name gets, and what is said about files nobody verified. */
class RegistryFilesTest {
  @TempDir
  Path tmp;
  String savedHome = System.getProperty(TokenizerFiles.HOME_PROPERTY);

  @AfterEach
  void restoreHome() {
    if (savedHome == null) {
      System.clearProperty(TokenizerFiles.HOME_PROPERTY);
    } else {
      System.setProperty(TokenizerFiles.HOME_PROPERTY, savedHome);
    }
  }

  @Test
  void theInstalledRegistryIsTheHomesConfTokenizersYaml() throws Exception {
    Path home = tmp.resolve("install");
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf/tokenizers.yaml"),
        "tokenizers:\n  mini: {type: hf, engine: java, sha256: \"" + "ab".repeat(32) + "\"}\n");
    System.setProperty(TokenizerFiles.HOME_PROPERTY, home.toString());
    TokenizerRegistry r = TokenizerRegistry.installed();
    assertEquals(home.resolve("conf/tokenizers.yaml").toAbsolutePath().toString(), r.origin());
    assertEquals("java", r.entries().get("mini").engine());

    System.setProperty(TokenizerFiles.HOME_PROPERTY, tmp.resolve("nowhere").toString());
    TokenizerException e = assertThrows(TokenizerException.class, TokenizerRegistry::installed);
    assertTrue(e.getMessage().contains("registry is missing: " + tmp.resolve("nowhere/conf/tokenizers.yaml")),
        e.getMessage());
  }

  @Test
  void aNamedRegistryThatDoesNotExistIsAnErrorNotAnEmptyRegistry() {
    TokenizerException e = assertThrows(TokenizerException.class,
        () -> TokenizerRegistry.load(tmp.resolve("typo.yaml")));
    assertTrue(e.getMessage().startsWith("tokenizer registry not found: " + tmp.resolve("typo.yaml")),
        e.getMessage());
  }

  @Test
  void onlyRegistryPinnedFilesCountAsVerifiedAndTheManifestFactsSaySo() throws Exception {
    Path src = ReferenceData.tokenizer("minilm");
    String sha = TokenizerRegistry.sha256(src);
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    for (String n : new String[] {"pinned", "unpinned", "unregistered"}) {
      Files.createDirectories(cache.resolve(n));
      Files.copy(src, cache.resolve(n).resolve("tokenizer.json"));
    }
    Path yaml = tmp.resolve("tokenizers.yaml");
    Files.writeString(yaml, "tokenizers:\n  pinned: {type: hf, engine: java, sha256: \"" + sha + "\"}\n"
        + "  unpinned: {type: hf}\n");
    TokenizerRegistry r = TokenizerRegistry.load(yaml).withCacheDir(cache);
    TokenizerRegistry.Resolved pinned = r.resolve("pinned");
    assertTrue(pinned.verified());
    assertFalse(r.resolve("unpinned").verified());
    assertFalse(r.resolve("unregistered").verified());
    Map<String, Object> facts = pinned.facts();
    assertEquals("java", facts.get("engine"));
    assertEquals(sha, facts.get("sha256"));
    assertEquals(true, facts.get("sha256_verified"));
    assertEquals(false, r.resolve("unregistered").facts().get("sha256_verified"));
    assertEquals("java", pinned.withEngine("hf").withEngine("java").type());
  }

  @Test
  void aRegisteredFileShippedIntoTheWorkingDirectoryIsFoundWhenTheCacheHasNone() throws Exception {
    // scripts/submit ships <name>.tokenizer.json; a cluster-mode driver has no asset cache, only its working dir
    Path shipped = Path.of(TokenizerFiles.shippedName("tokenometry_test_shipped")).toAbsolutePath();
    Files.copy(ReferenceData.tokenizer("minilm"), shipped);
    try {
      Path yaml = tmp.resolve("tokenizers.yaml");
      Files.writeString(yaml, "tokenizers:\n  tokenometry_test_shipped: {type: hf, sha256: \""
          + TokenizerRegistry.sha256(shipped) + "\"}\n");
      TokenizerRegistry r = TokenizerRegistry.load(yaml).withCacheDir(tmp.resolve("empty-cache"));
      assertEquals(shipped, r.resolve("tokenometry_test_shipped").file());
      assertTrue(r.resolve("tokenometry_test_shipped").verified());
    } finally {
      Files.delete(shipped);
    }
  }

  @Test
  void aCorruptTokenizerJsonIsATokenizerErrorNamingTheFile() throws Exception {
    Path bad = tmp.resolve("broken.json");
    Files.writeString(bad, "{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0,");
    for (String engine : new String[] {"java", "hf"}) {
      TokenizerException e = assertThrows(TokenizerException.class,
          () -> TokenizerRegistry.open("broken_" + engine, engine, bad));
      assertTrue(e.getMessage().startsWith("tokenizer 'broken_" + engine + "': " + bad
          + " is not a readable tokenizer.json ("), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
  }

  @Test
  void vocabularySizesAreRememberedByContent() throws Exception {
    Path src = ReferenceData.tokenizer("minilm");
    String sha = TokenizerRegistry.sha256(src);
    VocabSizes sizes = new VocabSizes(tmp.resolve("memo"));
    assertEquals(30522, sizes.of(src, sha));
    assertEquals("30522", Files.readString(tmp.resolve("memo").resolve(sha)).strip());
    // the memo is what is read next time: a planted value shows it is used, keyed by the hash
    Files.writeString(tmp.resolve("memo").resolve(sha), "12345\n");
    assertEquals(12345, sizes.of(src, sha));
    Files.writeString(tmp.resolve("memo").resolve(sha), "garbage");
    assertEquals(30522, sizes.of(src, sha), "a damaged memo is recomputed");
    assertEquals(30522, new VocabSizes(tmp.resolve("file-not-dir.txt")).of(src, sha));
  }
}
