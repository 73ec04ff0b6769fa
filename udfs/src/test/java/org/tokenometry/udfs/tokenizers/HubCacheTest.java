package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.ReferenceData;

/**
 * hf:org/model reads the snapshot a ref names, as huggingface_hub does, never the newest folder: a fake hub
 * cache with two snapshots of one model, the newer one (by mtime) holding another vocabulary.
 */
class HubCacheTest {
  static final String MAIN = "1111111111111111111111111111111111111111";
  static final String NEWER = "2222222222222222222222222222222222222222";

  @TempDir
  Path tmp;
  Path hub;
  Path model;

  @BeforeEach
  void twoSnapshots() throws Exception {
    hub = tmp.resolve("hub");
    model = hub.resolve("models--acme--tok");
    Path main = Files.createDirectories(model.resolve("snapshots").resolve(MAIN));
    Path newer = Files.createDirectories(model.resolve("snapshots").resolve(NEWER));
    Files.copy(ReferenceData.tokenizer("minilm"), main.resolve("tokenizer.json")); // 30,522 ids
    Files.copy(ReferenceData.tokenizer("bge_small_zh"), newer.resolve("tokenizer.json")); // 21,128 ids
    Files.setLastModifiedTime(main.resolve("tokenizer.json"), FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
    Files.setLastModifiedTime(newer.resolve("tokenizer.json"), FileTime.from(Instant.parse("2025-06-01T00:00:00Z")));
    Files.setLastModifiedTime(main, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
    Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2025-06-01T00:00:00Z")));
    Files.createDirectories(model.resolve("refs"));
    Files.writeString(model.resolve("refs/main"), MAIN); // huggingface_hub writes the hash without a newline
    Files.writeString(model.resolve("refs/v2"), NEWER + "\n");
  }

  TokenizerRegistry registry() {
    return TokenizerRegistry.empty().withHubCache(hub);
  }

  @Test
  void takesTheSnapshotRefsMainNamesNotTheNewestFolder() {
    TokenizerRegistry.Resolved r = registry().resolve("hf:acme/tok");
    assertEquals(model.resolve("snapshots").resolve(MAIN).resolve("tokenizer.json").toAbsolutePath(), r.file());
    assertEquals(30522, TokenizerRegistry.open(r).vocabSize());
  }

  @Test
  void atNamesARefOrACommit() {
    TokenizerRegistry reg = registry();
    assertEquals(21128, TokenizerRegistry.open(reg.resolve("hf:acme/tok@v2")).vocabSize());
    assertEquals(model.resolve("snapshots").resolve(NEWER).resolve("tokenizer.json").toAbsolutePath(),
        reg.resolve("hf:acme/tok@" + NEWER).file());
    assertEquals(model.resolve("snapshots").resolve(MAIN).resolve("tokenizer.json").toAbsolutePath(),
        reg.resolve("hf:acme/tok@main").file());
  }

  @Test
  void aMissingRefListsTheRefsThere() {
    TokenizerException e = assertThrows(TokenizerException.class, () -> registry().resolve("hf:acme/tok@dev"));
    assertTrue(e.getMessage().contains("no ref 'dev'") && e.getMessage().contains("refs present: main, v2"),
        e.getMessage());
  }

  @Test
  void aRefWhoseSnapshotIsMissingSaysSo() throws Exception {
    String gone = "3333333333333333333333333333333333333333";
    Files.writeString(model.resolve("refs/main"), gone);
    TokenizerException e = assertThrows(TokenizerException.class, () -> registry().resolve("hf:acme/tok"));
    assertTrue(e.getMessage().contains("revision 'main' is commit " + gone), e.getMessage());
    assertTrue(e.getMessage().contains("snapshots present: " + MAIN + ", " + NEWER), e.getMessage());
    TokenizerException commit = assertThrows(TokenizerException.class,
        () -> registry().resolve("hf:acme/tok@" + gone));
    assertTrue(commit.getMessage().contains("is missing"), commit.getMessage());
  }

  @Test
  void withoutRefsMainNothingIsGuessed() throws Exception {
    Files.delete(model.resolve("refs/main"));
    TokenizerException e = assertThrows(TokenizerException.class, () -> registry().resolve("hf:acme/tok"));
    assertTrue(e.getMessage().contains("no ref 'main'"), e.getMessage());
  }

  @Test
  void aSnapshotWithoutTokenizerJsonAndAnUnknownModelAreNamed() throws Exception {
    Files.delete(model.resolve("snapshots").resolve(NEWER).resolve("tokenizer.json"));
    TokenizerException e = assertThrows(TokenizerException.class, () -> registry().resolve("hf:acme/tok@v2"));
    assertTrue(e.getMessage().contains("has no tokenizer.json"), e.getMessage());
    TokenizerException none = assertThrows(TokenizerException.class, () -> registry().resolve("hf:acme/other"));
    assertTrue(none.getMessage().contains("models--acme--other does not exist"), none.getMessage());
    TokenizerException bad = assertThrows(TokenizerException.class, () -> registry().resolve("hf:tok"));
    assertTrue(bad.getMessage().contains("hf:org/model@revision"), bad.getMessage());
  }

  @Test
  void hubFolderFollowsHfHubCacheThenHfHomeThenTheHomeDefault() {
    assertEquals(Path.of("/a/hub-cache"), HubCache.hubDir(Map.of("HF_HUB_CACHE", "/a/hub-cache",
        "HF_HOME", "/b"), "/home/u"));
    assertEquals(Path.of("/b/hub"), HubCache.hubDir(Map.of("HF_HOME", "/b"), "/home/u"));
    assertEquals(Path.of("/home/u/.cache/huggingface/hub"), HubCache.hubDir(Map.of("HF_HOME", " "), "/home/u"));
  }
}
