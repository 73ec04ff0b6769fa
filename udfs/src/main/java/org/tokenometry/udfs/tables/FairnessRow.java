package org.tokenometry.udfs.tables;

/**
 * {@code fairness}: one row per tokenizer x parallel corpus, over its languages' premiums; the Ginis of the byte
 * and tokenizer premiums are over the languages where those are defined.
 */
public record FairnessRow(String tokenizer, String corpus, int languages, String pivotLang, double premiumMean,
    double premiumMax, String premiumMaxLang, double gini, Double bytePremiumGini, Double tokenizerPremiumGini) {
  public static final String TABLE = "fairness";
}
