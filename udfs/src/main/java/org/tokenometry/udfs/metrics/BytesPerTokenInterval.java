package org.tokenometry.udfs.metrics;

/**
 * The 95 % bootstrap interval of a group's bytes per token: replicate r = Σ w_r·bytes / Σ w_r·tokens over all
 * its documents, w_r the Poisson weight of the document's parallel id, else of its doc id
 * ({@link BootstrapWeights}). The new columns {@code bytes_per_token_ci_low}, {@code bytes_per_token_ci_high}
 * of a {@code compression} row; null when the pass keeps no replicates.
 */
public record BytesPerTokenInterval(Double bytesPerTokenCiLow, Double bytesPerTokenCiHigh) {

  public static BytesPerTokenInterval of(BootstrapSums replicates) {
    ConfidenceInterval ci = replicates == null ? null
        : ConfidenceInterval.percentile95(replicates.bytesPerToken());
    return new BytesPerTokenInterval(ConfidenceInterval.low(ci), ConfidenceInterval.high(ci));
  }
}
