package org.tokenometry.udfs.retrieval;

/** Ranks the chunks of one chunk set for a question. Built once per chunk set, queried for every question. */
public interface Retriever extends AutoCloseable {
  /** Indices of the {@code k} best chunks, best first (fewer when the set is smaller). */
  int[] search(String query, int k);

  @Override
  default void close() {}
}
