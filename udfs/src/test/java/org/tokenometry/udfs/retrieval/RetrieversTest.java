package org.tokenometry.udfs.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Real Lucene and the real MiniLM model on texts whose best match is unambiguous. */
class RetrieversTest {
  private static final List<String> CHUNKS = List.of(
      "The central bank raised interest rates to fight inflation.",
      "Kittens sleep most of the day and play with yarn.",
      "The striker scored twice in the second half of the match.");

  @Test
  void bm25RanksByTermMatchesAndReturnsOnlyMatchingChunks() {
    try (Retriever bm25 = new Bm25Retriever(CHUNKS)) {
      assertArrayEquals(new int[] {2}, bm25.search("Who scored in the match?", 1));
      // one term each in chunks 0 and 2 (same idf, tf 1): the shorter chunk 0 ranks first; chunk 1 never comes back
      assertArrayEquals(new int[] {0, 2}, bm25.search("bank second", 3));
      assertEquals(0, bm25.search("?!", 3).length);
    }
  }

  @Test
  void miniLmFindsParaphrasesWithoutSharedWords() {
    try (Retriever dense = new DenseRetriever(CHUNKS)) {
      assertArrayEquals(new int[] {1}, dense.search("young cats napping", 1));
      assertArrayEquals(new int[] {0}, dense.search("monetary policy and prices", 1));
      assertEquals(3, dense.search("football", 5).length);
      assertEquals(2, dense.search("football", 5)[0]);
    }
  }

  @Test
  void miniLmTruncatesAfter254WordPieces() {
    String longText = "word ".repeat(400);
    String cut = MiniLmEmbedder.truncate(longText);
    assertEquals("word ".repeat(254).strip(), cut);
    assertEquals("short text", MiniLmEmbedder.truncate("short text"));
  }
}
