package org.tokenometry.udfs.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The new columns of a {@code fairness} row: the {@link Gini} of the languages' byte premiums
 * ({@code byte_premium_gini}) and of their tokenizer premiums ({@code tokenizer_premium_gini}), beside the
 * existing {@code gini} of their premiums. Each is over the languages where that premium is defined.
 */
public record PremiumGinis(Double bytePremiumGini, Double tokenizerPremiumGini) {

  /** {@code perLanguage}: each language's premium sums (as in {@link ParallelIdSums}), summed over domains. */
  public static PremiumGinis of(Collection<long[]> perLanguage) {
    List<Double> bytes = new ArrayList<>();
    List<Double> tokenizer = new ArrayList<>();
    for (long[] s : perLanguage) {
      PremiumSplit split = PremiumSplit.of(s, null, null);
      if (split.bytePremium() != null) {
        bytes.add(split.bytePremium());
      }
      if (split.tokenizerPremium() != null) {
        tokenizer.add(split.tokenizerPremium());
      }
    }
    return new PremiumGinis(gini(bytes), gini(tokenizer));
  }

  private static Double gini(List<Double> values) {
    return Gini.of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
