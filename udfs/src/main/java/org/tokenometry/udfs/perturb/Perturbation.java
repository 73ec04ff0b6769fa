package org.tokenometry.udfs.perturb;

import java.io.Serializable;

/**
 * A small deterministic change to a text. Randomised perturbations draw from the generator they are given, in
 * text order, so the same seed and document give the same output on every executor and every rerun.
 */
public interface Perturbation extends Serializable {
  /** The name used in config and in the {@code robustness} table, e.g. {@code homoglyphs}. */
  String name();

  /**
   * The perturbed text with its map back to {@code text}. {@code wordSpans} are the text's ICU words (flattened
   * UTF-16 {@code [start, end)} pairs, as {@code DocumentText} has them); only word-level perturbations use them.
   */
  PerturbedText apply(String text, int[] wordSpans, SplitMix64 random);
}
