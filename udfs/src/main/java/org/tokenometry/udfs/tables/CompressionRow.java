package org.tokenometry.udfs.tables;

import org.tokenometry.udfs.metrics.CompressionStats;
import org.tokenometry.udfs.metrics.GroupKey;

/** {@code compression}: one row per tokenizer x corpus x domain x lang (DESIGN.md §2, definitions §3). */
public record CompressionRow(String tokenizer, String corpus, String domain, String lang, long docs, long bytes,
    long chars, long words, long sentences, long tokens, Double bytesPerToken, Double charsPerToken,
    Double tokensPerWord, Double tokensPerSentence, Double continuedWordRate, Double singleTokenWordRate,
    Double nsl, Double premium, Double renyiEfficiency, Double tokensPerSecond) {
  public static final String TABLE = "compression";

  /** The group's row; {@code nsl}, {@code premium} and {@code renyi} need other groups or the vocabulary. */
  public static CompressionRow of(GroupKey k, CompressionStats c, Double nsl, Double premium, Double renyi) {
    return new CompressionRow(k.tokenizer(), k.corpus(), k.domain(), k.lang(), c.docs(), c.bytes(), c.chars(),
        c.words(), c.sentences(), c.tokens(), c.bytesPerToken(), c.charsPerToken(), c.tokensPerWord(),
        c.tokensPerSentence(), c.continuedWordRate(), c.singleTokenWordRate(), nsl, premium, renyi,
        c.tokensPerSecond());
  }
}
