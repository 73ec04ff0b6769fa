package org.tokenometry.udfs.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A language's token premium split into what its bytes cost and what the tokenizer adds (premium = byte
 * premium × tokenizer premium), each with a 95 % bootstrap interval: the new columns of a {@code compression}
 * row ({@code premium}, {@code premium_ci_low}, {@code premium_ci_high}, {@code byte_premium}, ...,
 * {@code tokenizer_premium_ci_high}). Replicate r of each is the same ratio over the r-th Poisson resample of
 * parallel ids ({@link BootstrapWeights}): Σ w_r·tokens of L / Σ w_r·tokens of the pivot, the same with bytes,
 * and their quotient. Intervals exist where the group holds exactly the pivot's parallel ids, the case where
 * those weighted sums are sums over the common ids; elsewhere (and when the pass keeps no replicates) they are
 * null.
 */
public record PremiumSplit(Double premium, Double premiumCiLow, Double premiumCiHigh, Double bytePremium,
    Double bytePremiumCiLow, Double bytePremiumCiHigh, Double tokenizerPremium, Double tokenizerPremiumCiLow,
    Double tokenizerPremiumCiHigh) {

  /**
   * {@code sums}: the group's premium sums ({@link ParallelIdSums#LANG_TOKENS} ...; two entries when the join
   * brought no bytes, which leaves the byte and tokenizer premiums null). {@code lang}, {@code pivot}: their
   * bootstrap replicates over the same ids, or null for no intervals.
   */
  public static PremiumSplit of(long[] sums, BootstrapSums lang, BootstrapSums pivot) {
    Double premium = Premium.of(sums[ParallelIdSums.LANG_TOKENS], sums[ParallelIdSums.PIVOT_TOKENS]);
    Double bytePremium = sums.length > ParallelIdSums.PIVOT_BYTES
        ? BytePremium.of(sums[ParallelIdSums.LANG_BYTES], sums[ParallelIdSums.PIVOT_BYTES]) : null;
    Double tokenizerPremium = TokenizerPremium.of(premium, bytePremium);
    ConfidenceInterval p = null;
    ConfidenceInterval b = null;
    ConfidenceInterval t = null;
    if (lang != null && pivot != null) {
      double[] pr = BootstrapSums.ratios(lang.parallelTokens(), pivot.parallelTokens());
      double[] br = BootstrapSums.ratios(lang.parallelBytes(), pivot.parallelBytes());
      p = premium == null ? null : ConfidenceInterval.percentile95(pr);
      b = bytePremium == null ? null : ConfidenceInterval.percentile95(br);
      t = tokenizerPremium == null || pr == null || br == null ? null
          : ConfidenceInterval.percentile95(quotients(pr, br));
    }
    return new PremiumSplit(premium, ConfidenceInterval.low(p), ConfidenceInterval.high(p), bytePremium,
        ConfidenceInterval.low(b), ConfidenceInterval.high(b), tokenizerPremium, ConfidenceInterval.low(t),
        ConfidenceInterval.high(t));
  }

  /**
   * The split of every group that has premium sums (from {@link ParallelIdSums#fromGroups} or the join over
   * {@code doc_tokens}), from each group's parallel totals and bootstrap replicates (none: no intervals). The
   * pivot's replicates are its groups' merged over domains, as its sums are.
   */
  public static Map<GroupKey, PremiumSplit> byGroup(Map<GroupKey, ParallelTotals> parallel,
      Map<GroupKey, BootstrapSums> replicates, Map<GroupKey, long[]> premiumSums, String pivotLang) {
    Map<List<String>, ParallelTotals> pivots = ParallelIdSums.pivots(parallel, pivotLang);
    Map<List<String>, BootstrapSums> pivotReplicates = new HashMap<>();
    parallel.forEach((k, g) -> {
      BootstrapSums r = replicates.get(k);
      if (k.lang().equals(pivotLang) && g.docs > 0 && r != null) {
        pivotReplicates.computeIfAbsent(ParallelIdSums.pivotKey(k), x -> new BootstrapSums()).mergeParallel(r);
      }
    });
    Map<GroupKey, PremiumSplit> out = new HashMap<>();
    premiumSums.forEach((k, sums) -> {
      ParallelTotals g = parallel.get(k);
      ParallelTotals p = pivots.get(ParallelIdSums.pivotKey(k));
      boolean sameIds = g != null && p != null && g.sameIds(p);
      out.put(k, of(sums, sameIds ? replicates.get(k) : null,
          sameIds ? pivotReplicates.get(ParallelIdSums.pivotKey(k)) : null));
    });
    return out;
  }

  private static double[] quotients(double[] a, double[] b) {
    double[] q = new double[a.length];
    for (int r = 0; r < q.length; r++) {
      q[r] = b[r] == 0 ? Double.NaN : a[r] / b[r];
    }
    return q;
  }
}
