package org.tokenometry.udfs.retrieval;

import java.util.List;

/** The retrievers configs can name: {@code bm25} (Lucene) and {@code minilm} (all-MiniLM-L6-v2, cosine). */
public final class Retrievers {
  public static final List<String> NAMES = List.of("bm25", "minilm");

  private Retrievers() {}

  public static Retriever create(String name, List<String> chunkTexts) {
    return switch (name) {
      case "bm25" -> new Bm25Retriever(chunkTexts);
      case "minilm" -> new DenseRetriever(chunkTexts);
      default -> throw new IllegalArgumentException("unknown retriever '" + name + "'; known: " + NAMES);
    };
  }
}
