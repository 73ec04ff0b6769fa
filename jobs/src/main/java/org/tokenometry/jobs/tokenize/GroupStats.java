package org.tokenometry.jobs.tokenize;

import java.io.Serializable;
import org.tokenometry.udfs.metrics.CompressionStats;
import org.tokenometry.udfs.metrics.CoverageStats;
import org.tokenometry.udfs.metrics.DocumentText;
import org.tokenometry.udfs.metrics.TokenizedDocument;
import org.tokenometry.udfs.tokenizers.Encoding;

/** The partial aggregates of one group in one partition; merged across partitions by reduceByKey. */
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
  void add(DocumentText doc, TokenizedDocument t, Encoding enc, long nanos, long[] parallelId) {
    compression.add(doc, t, nanos);
    coverage.add(doc, t, enc);
    if (parallelId != null) {
      parallelDocs++;
      parallelTokens += t.tokens();
      parallelIdsA += parallelId[0];
      parallelIdsB += parallelId[1];
    }
  }

  GroupStats merge(GroupStats o) {
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
}
