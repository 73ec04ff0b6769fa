package org.tokenometry.udfs.metrics;

/**
 * The part of a token premium that the tokenizer adds on top of the byte premium: premium / byte premium
 * ({@link Premium}, {@link BytePremium}), so premium = byte premium × tokenizer premium. 1 = the tokenizer
 * compresses the language's bytes as well as the pivot's; 2 = it needs twice as many tokens per byte. Null when
 * either is null or the byte premium is 0.
 */
public final class TokenizerPremium {
  private TokenizerPremium() {}

  public static Double of(Double premium, Double bytePremium) {
    return premium == null || bytePremium == null || bytePremium == 0 ? null : premium / bytePremium;
  }
}
