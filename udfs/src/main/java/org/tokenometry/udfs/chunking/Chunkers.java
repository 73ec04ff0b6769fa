package org.tokenometry.udfs.chunking;

import java.util.List;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/** The chunkers configs can name: {@code fixed} and {@code recursive} (sizes in tokens), {@code sentence} (sentences). */
public final class Chunkers {
  public static final List<String> NAMES = List.of("fixed", "recursive", "sentence");

  private Chunkers() {}

  /**
   * A chunker by name; {@code chromaOffsets} places chunks as Chroma's evaluation does (see {@link ChromaLocator}).
   */
  public static Chunker create(String name, Tokenizer tokenizer, int size, int overlap, boolean chromaOffsets) {
    Chunker c = switch (name) {
      case "fixed" -> new FixedTokenChunker(tokenizer, size, overlap);
      case "recursive" -> new RecursiveChunker(tokenizer::count, size, overlap);
      case "sentence" -> new SentenceChunker(size, overlap);
      default -> throw new IllegalArgumentException("unknown chunker '" + name + "'; known: " + NAMES);
    };
    return chromaOffsets ? new ChromaLocator(c) : c;
  }
}
