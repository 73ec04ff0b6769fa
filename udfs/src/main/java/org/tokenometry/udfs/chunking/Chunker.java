package org.tokenometry.udfs.chunking;

import java.util.List;

/**
 * Splits a document into chunks and reports where each chunk is: chunkers track offsets while they split, so a
 * chunk's place is exact even when its text occurs twice in the document.
 */
public interface Chunker {
  /** Chunks of {@code text} in document order. */
  List<Span> chunk(String text);
}
