package org.tokenometry.udfs.metrics;

import java.io.Serializable;

/**
 * A group's documents with a parallel id: how many, their tokens and UTF-8 bytes, and their ids' multiset as two hash sums
 * ({@link ParallelIdSums}). Mergeable; when no group has any, there is no premium to compute.
 */
public final class ParallelTotals implements Serializable {
  private static final long serialVersionUID = 1L;

  long docs;
  long tokens;
  long bytes;
  long idsA;
  long idsB;

  /** One document of {@code tokens} tokens, {@code bytes} bytes; {@code parallelId}: its {@link ParallelIdSums#hashes}, or null. */
  public void add(long tokens, long bytes, long[] parallelId) {
    if (parallelId != null) {
      docs++;
      this.tokens += tokens;
      this.bytes += bytes;
      idsA += parallelId[0];
      idsB += parallelId[1];
    }
  }

  public ParallelTotals merge(ParallelTotals o) {
    docs += o.docs;
    tokens += o.tokens;
    bytes += o.bytes;
    idsA += o.idsA;
    idsB += o.idsB;
    return this;
  }

  public long docs() {
    return docs;
  }

  public long tokens() {
    return tokens;
  }

  public long bytes() {
    return bytes;
  }

  /** The multiset of the group's parallel ids, as its two hash sums. */
  public long[] idSums() {
    return new long[] {idsA, idsB};
  }

  boolean sameIds(ParallelTotals o) {
    return docs == o.docs && idsA == o.idsA && idsB == o.idsB;
  }
}
