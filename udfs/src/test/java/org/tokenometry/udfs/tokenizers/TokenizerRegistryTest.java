package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.ReferenceData;

class TokenizerRegistryTest {
  @TempDir
  Path tmp;

  private TokenizerRegistry registryWith(String yaml) throws Exception {
    Path f = tmp.resolve("tokenizers.yaml");
    Files.writeString(f, yaml);
    return TokenizerRegistry.load(f).withCacheDir(tmp.resolve("cache"));
  }

  private Path cacheFile(String name, Path source) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("cache").resolve(name));
    return Files.copy(source, dir.resolve("tokenizer.json"));
  }

  @Test
  void resolvesARegisteredNameToTheCachedFileAndChecksItsHash() throws Exception {
    Path src = ReferenceData.tokenizer("minilm");
    String sha = TokenizerRegistry.sha256(src);
    cacheFile("minilm", src);
    TokenizerRegistry r = registryWith("""
        cache_dir_env: TOKENOMETRY_TEST_UNSET_ENV
        tokenizers:
          minilm:
            type: hf
            description: all-MiniLM-L6-v2 WordPiece
            source: {maven: "dev.langchain4j:x:1", path: "a/b.json", some_future_key: 1}
            sha256: %s
          utf8_bytes: {type: baseline}
        """.formatted(sha));
    TokenizerRegistry.Resolved res = r.resolve("minilm");
    assertEquals(sha, res.sha256());
    assertEquals("maven dev.langchain4j:x:1", res.source());
    Tokenizer t = r.tokenizer("minilm");
    assertEquals(30522, t.vocabSize());
    assertSame(t, r.tokenizer("minilm"), "one instance per JVM per (name, file)");
  }

  @Test
  void engineJavaPicksThePureJavaEngineAndFallsBackWhereItCannot() throws Exception {
    cacheFile("gpt4o", ReferenceData.tokenizer("gpt4o"));
    cacheFile("minilm", ReferenceData.tokenizer("minilm"));
    // the same WordPiece file with a pre-tokenizer the Java engine does not reproduce
    Path ws = Files.createDirectories(tmp.resolve("cache").resolve("minilm_ws")).resolve("tokenizer.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(ReferenceData.tokenizer("minilm").toFile());
    root.putObject("pre_tokenizer").put("type", "Whitespace");
    Files.writeString(ws, json.writeValueAsString(root));
    TokenizerRegistry r = registryWith("""
        tokenizers:
          gpt4o: {type: hf, engine: java}
          minilm: {type: hf, engine: java}
          minilm_ws: {type: hf, engine: java}
        """);
    Tokenizer engine = r.tokenizer("gpt4o");
    assertEquals("JavaBpeTokenizer", engine.getClass().getSimpleName());
    // same ids and offsets as the reference engine on a mixed text
    Tokenizer ref = TokenizerRegistry.open("gpt4o", "hf", ReferenceData.tokenizer("gpt4o"));
    String text = "Tokenometry measures 12,345 tokens — naïve café 😀 <|endoftext|> 東京";
    Encoding a = engine.encode(text);
    Encoding b = ref.encode(text);
    assertEquals(java.util.Arrays.toString(b.ids()), java.util.Arrays.toString(a.ids()));
    assertEquals(java.util.Arrays.toString(b.starts()), java.util.Arrays.toString(a.starts()));
    assertEquals("WordPieceTokenizer", r.tokenizer("minilm").getClass().getSimpleName());
    // a pre-tokenizer the Java engine cannot reproduce: refused at load time, the reference engine serves it
    assertEquals("HfTokenizer", r.tokenizer("minilm_ws").getClass().getSimpleName());
  }

  @Test
  void anUnknownEngineIsAnError() throws Exception {
    TokenizerException e = assertThrows(TokenizerException.class,
        () -> registryWith("tokenizers:\n  gpt4o: {type: hf, engine: rust}\n"));
    assertTrue(e.getMessage().contains("engine 'rust'; known engines: java, hf"), e.getMessage());
  }

  @Test
  void aHashMismatchNamesBothHashesAndTheFix() throws Exception {
    cacheFile("minilm", ReferenceData.tokenizer("minilm"));
    TokenizerRegistry r = registryWith("tokenizers:\n  minilm: {type: hf, sha256: " + "ab".repeat(32) + "}\n");
    TokenizerException e = assertThrows(TokenizerException.class, () -> r.resolve("minilm"));
    assertTrue(e.getMessage().contains("ab".repeat(32)), e.getMessage());
    assertTrue(e.getMessage().contains(TokenizerRegistry.sha256(ReferenceData.tokenizer("minilm"))));
    assertTrue(e.getMessage().contains("scripts/fetch-tokenizers"));
  }

  @Test
  void anUnknownNameListsTheKnownOnes() throws Exception {
    TokenizerRegistry r = registryWith("tokenizers:\n  gpt4o: {type: hf}\n  gptoss: {type: hf, enabled: false}\n");
    TokenizerException e = assertThrows(TokenizerException.class, () -> r.resolve("gtp4o"));
    assertTrue(e.getMessage().contains("[chars, gpt4o, utf8_bytes, words]"), e.getMessage());
    TokenizerException off = assertThrows(TokenizerException.class, () -> r.resolve("gptoss"));
    assertTrue(off.getMessage().contains("disabled"), off.getMessage());
    TokenizerException missing = assertThrows(TokenizerException.class, () -> r.resolve("gpt4o"));
    assertTrue(missing.getMessage().contains("scripts/fetch-tokenizers"), missing.getMessage());
  }

  @Test
  void resolvesExplicitPathsHubSnapshotsAndBaselines() throws Exception {
    Path src = ReferenceData.tokenizer("minilm");
    TokenizerRegistry r = TokenizerRegistry.empty().withCacheDir(tmp.resolve("cache"))
        .withHubCache(tmp.resolve("hf/hub"));
    assertEquals(src.toAbsolutePath(), r.resolve("mini=" + src).file());
    assertEquals("mini", r.resolve("mini=" + src).name());
    assertFalse(r.resolve("mini=" + src).verified(), "a file named by path has no pinned hash");

    Path model = tmp.resolve("hf/hub/models--sentence-transformers--all-MiniLM-L6-v2");
    String commit = "0123456789abcdef0123456789abcdef01234567";
    Path snap = Files.createDirectories(model.resolve("snapshots").resolve(commit));
    Files.copy(src, snap.resolve("tokenizer.json"));
    Files.createDirectories(model.resolve("refs"));
    Files.writeString(model.resolve("refs/main"), commit);
    TokenizerRegistry.Resolved hub = r.resolve("hf:sentence-transformers/all-MiniLM-L6-v2");
    assertEquals(snap.resolve("tokenizer.json").toAbsolutePath(), hub.file());
    assertTrue(hub.source().contains("@main (commit " + commit + ")"), hub.source());
    TokenizerException none = assertThrows(TokenizerException.class, () -> r.resolve("hf:org/absent"));
    assertTrue(none.getMessage().contains("never downloads"), none.getMessage());

    assertEquals("baseline", r.resolve("utf8_bytes").type());
    assertEquals(8, r.tokenizer("chars").count("a\uD83D\uDE00bcdefg")); // a 😀 b c d e f g
  }
}
