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
  /** Their tokens and UTF-8 bytes, and their ids' multiset as two hash sums ({@link ParallelIdSums}). */
  long parallelTokens;
  long parallelBytes;
  long parallelIdsA;
  long parallelIdsB;
  /** Bootstrap replicates of the group's sums; null when the pass computes no intervals. */
  BootstrapSums bootstrap;

  /** {@code parallelId}: the document's {@link ParallelIdSums#hashes}, or null. */
  public void add(DocumentText doc, TokenizedDocument t, Encoding enc, long nanos, long[] parallelId) {
    add(doc, t, enc, nanos, parallelId, null);
  }

  /**
   * {@code weights}: the document's {@link BootstrapWeights} (of its parallel id, else its doc id), computed once
   * per document for all tokenizers; null for no intervals.
   */
  public void add(DocumentText doc, TokenizedDocument t, Encoding enc, long nanos, long[] parallelId,
      byte[] weights) {
    compression.add(doc, t, nanos);
    coverage.add(doc, t, enc);
    if (parallelId != null) {
      parallelDocs++;
      parallelTokens += t.tokens();
      parallelBytes += doc.bytes();
      parallelIdsA += parallelId[0];
      parallelIdsB += parallelId[1];
    }
    if (weights != null) {
      bootstrap = (bootstrap == null ? new BootstrapSums() : bootstrap)
          .add(weights, parallelId != null, t.tokens(), doc.bytes());
    }
  }

  public GroupStats merge(GroupStats o) {
    compression.merge(o.compression);
    coverage.merge(o.coverage);
    if (o.bootstrap != null) {
      bootstrap = (bootstrap == null ? new BootstrapSums() : bootstrap).merge(o.bootstrap);
    }
    return addParallel(o);
  }

  /** The parallel documents' counts and id sums (not the bootstrap: {@link PremiumSplit} merges that). */
  GroupStats addParallel(GroupStats o) {
    parallelDocs += o.parallelDocs;
    parallelTokens += o.parallelTokens;
    parallelBytes += o.parallelBytes;
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

  /** The group's bootstrap replicates, or null (see {@link BytesPerTokenInterval}, {@link PremiumSplit}). */
  public BootstrapSums bootstrap() {
    return bootstrap;
  }

  /** The multiset of the group's parallel ids, as its two hash sums. */
  public long[] parallelIdSums() {
    return new long[] {parallelIdsA, parallelIdsB};
  }
}
