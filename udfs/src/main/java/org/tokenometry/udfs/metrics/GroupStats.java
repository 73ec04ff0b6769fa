package org.tokenometry.udfs.metrics;

import java.io.Serializable;

/**
 * The aggregates of one group (tokenizer x corpus x domain x lang): a partition's partial, or a merge of them.
 * Each part is a mergeable sum of its own ({@link CompressionStats}, {@link CoverageStats}, {@link
 * ParallelTotals}); a new per-group metric is one more part: a field, one line in {@link #add} and one in
 * {@link #merge}, and its result in {@link LanguageStats#summarize}. The pass merges partials by key on the
 * executors, so nothing here needs to be small, only mergeable.
 */
public final class GroupStats implements Serializable {
  private static final long serialVersionUID = 2L;

  private final CompressionStats compression = new CompressionStats();
  private final CoverageStats coverage = new CoverageStats();
  private final ParallelTotals parallel = new ParallelTotals();

  /**
   * Adds one document: its facts, its counts under the group's tokenizer, and its parallel id's {@link
   * ParallelIdSums#hashes} (or null). Its token ids are drained in separately ({@link CoverageStats#ids()}).
   */
  public void add(DocumentFacts doc, TokenizedDocument t, long[] parallelId) {
    compression.add(doc, t);
    coverage.add(doc, t);
    parallel.add(t.tokens(), parallelId);
  }

  public GroupStats merge(GroupStats o) {
    compression.merge(o.compression);
    coverage.merge(o.coverage);
    parallel.merge(o.parallel);
    return this;
  }

  public CompressionStats compression() {
    return compression;
  }

  public CoverageStats coverage() {
    return coverage;
  }

  public ParallelTotals parallel() {
    return parallel;
  }
}
