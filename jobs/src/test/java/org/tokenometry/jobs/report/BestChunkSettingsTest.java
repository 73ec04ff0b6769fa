package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.RetrievalRow;

/** The best chunk setting per corpus and tokenizer, and the chunk-size units, for the report and the summary. */
class BestChunkSettingsTest {
  @Test
  void highestIouInCharactersTiesToTheSmallerChunk() {
    List<RetrievalRow> best = BestChunkSettings.pick(RetrievalSectionTest.ROWS);
    assertEquals(3, best.size());
    assertEquals("c1 A fixed 100/0 bm25", describe(best.get(0)));
    assertEquals("c1 B fixed 200/0 bm25", describe(best.get(1)));
    assertEquals("c2 A fixed 100/0 bm25", describe(best.get(2)));
    assertEquals("char", BestChunkSettings.unit(RetrievalSectionTest.ROWS));
  }

  @Test
  void withoutCharacterScoresTheTokenUnitDecides() {
    List<RetrievalRow> tokens = RetrievalSectionTest.ROWS.stream().filter(r -> r.unit().equals("token")).toList();
    assertEquals("token", BestChunkSettings.unit(tokens));
    assertEquals(0.50, BestChunkSettings.pick(tokens).get(0).iouMean());
    assertEquals(List.of(), BestChunkSettings.pick(List.of()));
  }

  @Test
  void chunkSizesCountInTheChunkersOwnUnit() {
    assertEquals("tokens", ChunkSize.unit("fixed"));
    assertEquals("tokens", ChunkSize.unit("recursive"));
    assertEquals("sentences", ChunkSize.unit("sentence"));
    assertEquals("chunk size (tokens of gpt35turbo)", ChunkSize.axis("fixed", List.of("gpt35turbo")));
    assertEquals("chunk size (tokens of each line's tokenizer)", ChunkSize.axis("recursive", List.of("a", "b")));
    assertEquals("chunk size (sentences)", ChunkSize.axis("sentence", List.of("a", "b")));
    assertEquals("800/400 tokens", ChunkSize.size(RetrievalSectionTest.r("c", "a", "fixed", 800, 400, "bm25", "char",
        0, 0, 0)));
    assertEquals("5 sentences", ChunkSize.size(RetrievalSectionTest.r("c", "a", "sentence", 5, 0, "bm25", "char",
        0, 0, 0)));
  }

  private static String describe(RetrievalRow r) {
    return r.corpus() + " " + r.tokenizer() + " " + r.chunker() + " " + r.size() + "/" + r.overlap() + " "
        + r.retriever();
  }
}
