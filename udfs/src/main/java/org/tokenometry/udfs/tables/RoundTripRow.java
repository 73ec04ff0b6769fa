package org.tokenometry.udfs.tables;

import org.tokenometry.udfs.metrics.RoundTripStats;

/** One row of {@code roundtrip}: a tokenizer x corpus x language (definitions: {@link RoundTripStats}). */
public record RoundTripRow(String tokenizer, String corpus, String lang, long docs, Double exactRate,
    Double normalizedRate, Double cer, long cerDocs, long cerSkippedDocs, Double whitespaceFidelity, long unkChars,
    Double unkCharRate) {
  public static final String TABLE = "roundtrip";

  public static RoundTripRow of(String tokenizer, String corpus, String lang, RoundTripStats s) {
    return new RoundTripRow(tokenizer, corpus, lang, s.docs(), s.exactRate(), s.normalizedRate(), s.cer(),
        s.cerDocs(), s.cerSkippedDocs(), s.whitespaceFidelity(), s.unkChars(), s.unkCharRate());
  }
}
