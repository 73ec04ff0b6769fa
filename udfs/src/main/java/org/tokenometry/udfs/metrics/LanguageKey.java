package org.tokenometry.udfs.metrics;

import java.io.Serializable;

/** The grain of the coverage table, and of the pass's merge: tokenizer x corpus x lang (all domains). */
public record LanguageKey(String tokenizer, String corpus, String lang) implements Serializable {
  public static LanguageKey of(GroupKey k) {
    return new LanguageKey(k.tokenizer(), k.corpus(), k.lang());
  }
}
