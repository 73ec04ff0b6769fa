package org.tokenometry.udfs.metrics;

import java.io.Serializable;
import org.tokenometry.udfs.perturb.PerturbedText;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * The aggregates of one group (tokenizer x corpus x domain x lang): a partition's partial, or a merge of them.
 * Each part is a mergeable sum of its own ({@link CompressionStats}, {@link CoverageStats}, {@link
 * ParallelTotals}, {@link BootstrapSums}, {@link RoundTripStats}, {@link NumberStats}, {@link RobustnessStats}); a
 * new per-group metric is one more part: a field, one line in {@link #add} (or {@link #addEncoded}, for what
 * needs the text and its encoding) and one in {@link #merge}, and its result in {@link LanguageStats#summarize}.
 * The pass merges partials by key on the executors, so nothing here needs to be small, only mergeable.
 */
public final class GroupStats implements Serializable {
  private static final long serialVersionUID = 4L;

  private final CompressionStats compression = new CompressionStats();
  private final CoverageStats coverage = new CoverageStats();
  private final ParallelTotals parallel = new ParallelTotals();
  /** Bootstrap replicates of the group's sums; null when the pass computes no intervals. */
  private BootstrapSums bootstrap;
  private final RoundTripStats roundTrip = new RoundTripStats();
  private final NumberStats numbers = new NumberStats();
  /** The sampled documents' perturbations; null until the group has one. */
  private RobustnessStats robustness;

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

  /**
   * The metrics that need a document's text and its encoding: round trip, and the digit runs when
   * {@code numbers}. The pass adds short documents only (a long one is never held as one encoding).
   */
  public void addEncoded(DocumentText doc, Encoding enc, Tokenizer tokenizer, boolean numbers) {
    roundTrip.add(doc, enc, tokenizer);
    if (numbers) {
      this.numbers.add(doc, enc);
    }
  }

  /** One perturbation of a sampled document ({@link RobustnessStats#add}). */
  public void addPerturbed(DocumentText doc, Encoding original, PerturbedText p, Encoding perturbed, long nanos) {
    robustness = (robustness == null ? new RobustnessStats() : robustness).add(doc, original, p, perturbed, nanos);
  }

  public GroupStats merge(GroupStats o) {
    compression.merge(o.compression);
    coverage.merge(o.coverage);
    parallel.merge(o.parallel);
    if (o.bootstrap != null) {
      bootstrap = (bootstrap == null ? new BootstrapSums() : bootstrap).merge(o.bootstrap);
    }
    roundTrip.merge(o.roundTrip);
    numbers.merge(o.numbers);
    if (o.robustness != null) {
      robustness = (robustness == null ? new RobustnessStats() : robustness).merge(o.robustness);
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

  public RoundTripStats roundTrip() {
    return roundTrip;
  }

  public NumberStats numbers() {
    return numbers;
  }

  /** The group's robustness sums, or null when none of its documents was sampled (or the metric is off). */
  public RobustnessStats robustness() {
    return robustness;
  }
}
