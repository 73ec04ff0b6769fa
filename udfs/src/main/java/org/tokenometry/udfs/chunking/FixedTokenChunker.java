package org.tokenometry.udfs.chunking;

import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * Windows of {@code size} tokens that start every {@code size - overlap} tokens (Chroma's FixedTokenChunker /
 * LangChain's split_text_on_tokens). A chunk runs from its first token's start to its last token's end, so a
 * character whose bytes a byte-level BPE split over two windows belongs whole to both, never half to each.
 */
public final class FixedTokenChunker implements Chunker {
  private final Tokenizer tokenizer;
  private final int size;
  private final int overlap;

  public FixedTokenChunker(Tokenizer tokenizer, int size, int overlap) {
    if (size <= 0 || overlap < 0 || overlap >= size) {
      throw new IllegalArgumentException("fixed chunker needs size > overlap >= 0, got size " + size
          + ", overlap " + overlap);
    }
    this.tokenizer = tokenizer;
    this.size = size;
    this.overlap = overlap;
  }

  @Override
  public List<Span> chunk(String text) {
    return chunk(tokenizer.encode(text));
  }

  /** Chunks from an encoding the caller already has (the job encodes each document once). */
  public List<Span> chunk(Encoding enc) {
    List<Span> out = new ArrayList<>();
    int n = enc.size();
    for (int first = 0; first < n; first += size - overlap) {
      int last = Math.min(first + size, n) - 1;
      int start = Integer.MAX_VALUE;
      int end = 0;
      for (int i = first; i <= last; i++) { // min/max, not first/last: split-character tokens share a span
        start = Math.min(start, enc.starts()[i]);
        end = Math.max(end, enc.ends()[i]);
      }
      if (end > start) {
        out.add(new Span(start, end));
      }
      if (last == n - 1) {
        break;
      }
    }
    return out;
  }
}
