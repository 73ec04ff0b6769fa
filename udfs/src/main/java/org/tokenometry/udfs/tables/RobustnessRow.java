package org.tokenometry.udfs.tables;

import org.tokenometry.udfs.metrics.PerturbationStats;

/**
 * {@code robustness}: one row per tokenizer x corpus x lang x perturbation, over the documents the robustness
 * plan sampled (README, "Robustness"). {@code encode_seconds} is the time spent encoding the perturbed texts.
 */
public record RobustnessRow(String tokenizer, String corpus, String lang, String perturbation, long docs,
    long changedDocs, long words, long changedWords, long tokens, long perturbedTokens, Double tokenInflation,
    Double unkRateDelta, Double byteFallbackRateDelta, Double wordChangeRate, double encodeSeconds) {
  public static final String TABLE = "robustness";

  public static RobustnessRow of(String tokenizer, String corpus, String lang, String perturbation,
      PerturbationStats s) {
    return new RobustnessRow(tokenizer, corpus, lang, perturbation, s.docs(), s.changedDocs(), s.words(),
        s.changedWords(), s.tokens(), s.perturbedTokens(), s.tokenInflation(), s.unkRateDelta(),
        s.byteFallbackRateDelta(), s.wordChangeRate(), s.encodeSeconds());
  }
}
