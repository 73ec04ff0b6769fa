package org.tokenometry.udfs.metrics;

import java.io.Serializable;

/**
 * The aggregates of one group (tokenizer x corpus x domain x lang): a partition's partial, or a merge of them.
 * Each part is a mergeable sum of its own ({@link CompressionStats}, {@link CoverageStats}, {@link
 * ParallelTotals}, {@link BootstrapSums}); a new per-group metric is one more part: a field, one line in {@link
 * #add} and one in {@link #merge}, and its result in {@link LanguageStats#summarize}. The pass merges partials
 * by key on the executors, so nothing here needs to be small, only mergeable.
 */
public final class GroupStats implements Serializable {
  private static final long serialVersionUID = 3L;

  private final CompressionStats compression = new CompressionStats();
  private final CoverageStats coverage = new CoverageStats();
  private final ParallelTotals parallel = new ParallelTotals();
  /** Bootstrap replicates of the group's sums; null when the pass computes no intervals. */
  private BootstrapSums bootstrap;

  /**
   * Adds one document: its facts, its counts under the group's tokenizer, its parallel id's {@link
   * ParallelIdSums#hashes} (or null), and its {@link BootstrapWeights} (of its parallel id, else its doc id;
   * null for no intervals). Its token ids are drained in separately ({@link CoverageStats#ids()}).
   */
  public void add(DocumentFacts doc, TokenizedDocument t, long[] parallelId, byte[] weights) {
    compression.add(doc, t);
    coverage.add(doc, t);
    parallel.add(t.tokens(), doc.bytes(), parallelId);
    if (weights != null) {
      bootstrap = (bootstrap == null ? new BootstrapSums() : bootstrap)
          .add(weights, parallelId != null, t.tokens(), doc.bytes());
    }
  }

  public GroupStats merge(GroupStats o) {
    compression.merge(o.compression);
    coverage.merge(o.coverage);
    parallel.merge(o.parallel);
    if (o.bootstrap != null) {
      bootstrap = (bootstrap == null ? new BootstrapSums() : bootstrap).merge(o.bootstrap);
    }
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

  /** The group's bootstrap replicates, or null (see {@link BytesPerTokenInterval}, {@link PremiumSplit}). */
  public BootstrapSums bootstrap() {
    return bootstrap;
  }
}
