package org.tokenometry.udfs.tables;

/** {@code fairness}: one row per tokenizer x parallel corpus, over its languages' premiums. */
public record FairnessRow(String tokenizer, String corpus, int languages, String pivotLang, double premiumMean,
    double premiumMax, String premiumMaxLang, double gini) {
  public static final String TABLE = "fairness";
}
