package org.tokenometry.udfs.tables;

/** {@code chunks} (optional): code-point offsets, end exclusive, and the chunk's tokens under its tokenizer. */
public record ChunkRow(String corpus, String tokenizer, String chunker, int size, int overlap, String docId,
    int chunkNo, int start, int end, int tokens) {
  public static final String TABLE = "chunks";
}
