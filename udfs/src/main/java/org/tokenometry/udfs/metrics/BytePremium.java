package org.tokenometry.udfs.metrics;

/**
 * Byte premium of a language on a parallel corpus: Σ UTF-8 bytes of the language / Σ UTF-8 bytes of the pivot,
 * both over the parallel ids present in both (as {@link Premium}, with bytes for tokens). It is what the
 * writing system and the translation cost before any tokenizer: a byte-level tokenizer's premium equals it.
 * Null without common ids.
 */
public final class BytePremium {
  private BytePremium() {}

  public static Double of(long langBytesOnCommonIds, long pivotBytesOnCommonIds) {
    return Premium.of(langBytesOnCommonIds, pivotBytesOnCommonIds);
  }
}
