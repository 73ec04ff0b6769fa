package org.tokenometry.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalConfigTest {
  @TempDir
  Path dir;

  private RetrievalConfig load(String yaml) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, yaml);
    return ConfigLoader.read(f, PipelineConfig.class).retrieval();
  }

  @Test
  void readsTheGridWithDefaults() throws Exception {
    RetrievalConfig c = load("""
        retrieval:
          chunkers:
            - {type: recursive, sizes: [200, 400]}
          retrievers: [bm25, minilm]
          k: [1, 5]
          scope: global
          offsets: chroma
        """);
    assertEquals(List.of(200, 400), c.chunkers().get(0).sizes());
    assertEquals(List.of(0), c.chunkers().get(0).overlaps());
    assertEquals(List.of("char", "token"), c.units());
    assertEquals(List.of("verified"), c.statuses());
    assertEquals("global", c.scope());
    assertEquals(false, c.writeChunks());
  }

  @Test
  void unknownNamesAreErrorsWithTheKeyAndTheChoices() {
    ConfigException e = assertThrows(ConfigException.class, () -> load("retrieval:\n  retrievers: [bm26]\n"));
    assertTrue(e.getMessage().contains("retrieval.retrievers: 'bm26' is not one of [bm25, minilm]"), e.getMessage());
    ConfigException k = assertThrows(ConfigException.class, () -> load("retrieval:\n  topk: [5]\n"));
    assertTrue(k.getMessage().contains("unknown key 'topk'"), k.getMessage());
    assertTrue(k.getMessage().contains("c.yaml:"), k.getMessage()); // file:line:column (line per ConfigLoader)
  }
}
