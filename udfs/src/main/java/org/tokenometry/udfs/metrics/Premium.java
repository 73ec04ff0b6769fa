package org.tokenometry.udfs.metrics;

/**
 * Token premium of a language on a parallel corpus (Petrov et al. 2023): Σ tokens of the language / Σ tokens
 * of the pivot language, both summed over the parallel ids present in both. Null without common ids.
 */
public final class Premium {
  private Premium() {}

  public static Double of(long langTokensOnCommonIds, long pivotTokensOnCommonIds) {
    return pivotTokensOnCommonIds == 0 ? null : (double) langTokensOnCommonIds / pivotTokensOnCommonIds;
  }
}
