package org.tokenometry.udfs.tables;

import org.tokenometry.udfs.metrics.BytesPerTokenInterval;
import org.tokenometry.udfs.metrics.CompressionStats;
import org.tokenometry.udfs.metrics.GroupKey;
import org.tokenometry.udfs.metrics.PremiumSplit;

/** {@code compression}: one row per tokenizer x corpus x domain x lang (DESIGN.md §2, definitions §3). */
public record CompressionRow(String tokenizer, String corpus, String domain, String lang, long docs, long bytes,
    long chars, long words, long sentences, long tokens, Double bytesPerToken, Double bytesPerTokenCiLow,
    Double bytesPerTokenCiHigh, Double charsPerToken, Double tokensPerWord, Double tokensPerSentence,
    Double continuedWordRate, Double singleTokenWordRate, Double nsl, Double premium, Double premiumCiLow,
    Double premiumCiHigh, Double bytePremium, Double bytePremiumCiLow, Double bytePremiumCiHigh,
    Double tokenizerPremium, Double tokenizerPremiumCiLow, Double tokenizerPremiumCiHigh, Double renyiEfficiency,
    Double tokensPerSecond) {
  public static final String TABLE = "compression";
  private static final PremiumSplit NO_PREMIUM = new PremiumSplit(null, null, null, null, null, null, null, null,
      null);

  /**
   * The group's row; {@code nsl}, the premium split and {@code renyi} need other groups or the vocabulary, the
   * intervals the bootstrap (null: none).
   */
  public static CompressionRow of(GroupKey k, CompressionStats c, BytesPerTokenInterval bpt, Double nsl,
      PremiumSplit premium, Double renyi) {
    PremiumSplit p = premium == null ? NO_PREMIUM : premium;
    return new CompressionRow(k.tokenizer(), k.corpus(), k.domain(), k.lang(), c.docs(), c.bytes(), c.chars(),
        c.words(), c.sentences(), c.tokens(), c.bytesPerToken(), bpt.bytesPerTokenCiLow(),
        bpt.bytesPerTokenCiHigh(), c.charsPerToken(), c.tokensPerWord(), c.tokensPerSentence(),
        c.continuedWordRate(), c.singleTokenWordRate(), nsl, p.premium(), p.premiumCiLow(), p.premiumCiHigh(),
        p.bytePremium(), p.bytePremiumCiLow(), p.bytePremiumCiHigh(), p.tokenizerPremium(),
        p.tokenizerPremiumCiLow(), p.tokenizerPremiumCiHigh(), renyi, c.tokensPerSecond());
  }
}
