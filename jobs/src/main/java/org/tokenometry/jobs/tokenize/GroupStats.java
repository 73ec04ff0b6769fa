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

  void add(DocumentText doc, TokenizedDocument t, Encoding enc, long nanos, boolean parallel) {
    compression.add(doc, t, nanos);
    coverage.add(doc, t, enc);
    parallelDocs += parallel ? 1 : 0;
  }

  GroupStats merge(GroupStats o) {
    compression.merge(o.compression);
    coverage.merge(o.coverage);
    parallelDocs += o.parallelDocs;
    return this;
  }

  public CompressionStats compression() {
    return compression;
  }

  public CoverageStats coverage() {
    return coverage;
  }

  public long parallelDocs() {
    return parallelDocs;
  }
}
