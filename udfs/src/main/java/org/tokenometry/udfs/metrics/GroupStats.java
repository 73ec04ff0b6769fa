package org.tokenometry.udfs.metrics;

import java.io.Serializable;
import org.tokenometry.udfs.tokenizers.Encoding;

/** The aggregates of one group (tokenizer x corpus x domain x lang): a partition's partial, or a merge of them. */
public final class GroupStats implements Serializable {
  private static final long serialVersionUID = 1L;

  final CompressionStats compression = new CompressionStats();
  final CoverageStats coverage = new CoverageStats();
  /** Documents with a parallel id: when no group has any, there is no premium to compute. */
  long parallelDocs;
  /** Their tokens, and their ids' multiset as two hash sums ({@link ParallelIdSums}). */
  long parallelTokens;
  long parallelIdsA;
  long parallelIdsB;

  /** {@code parallelId}: the document's {@link ParallelIdSums#hashes}, or null. */
  public void add(DocumentText doc, TokenizedDocument t, Encoding enc, long nanos, long[] parallelId) {
    compression.add(doc, t, nanos);
    coverage.add(doc, t, enc);
    if (parallelId != null) {
      parallelDocs++;
      parallelTokens += t.tokens();
      parallelIdsA += parallelId[0];
      parallelIdsB += parallelId[1];
    }
  }

  public GroupStats merge(GroupStats o) {
    compression.merge(o.compression);
    coverage.merge(o.coverage);
    return addParallel(o);
  }

  GroupStats addParallel(GroupStats o) {
    parallelDocs += o.parallelDocs;
    parallelTokens += o.parallelTokens;
    parallelIdsA += o.parallelIdsA;
    parallelIdsB += o.parallelIdsB;
    return this;
  }

  public CompressionStats compression() {
    return compression;
  }

  public CoverageStats coverage() {
    return coverage;
  }

  /** The multiset of the group's parallel ids, as its two hash sums. */
  public long[] parallelIdSums() {
    return new long[] {parallelIdsA, parallelIdsB};
  }
}
