package org.tokenometry.udfs.metrics;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.tokenometry.udfs.perturb.PerturbedText;
import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * The {@code robustness} aggregates of one group (tokenizer x corpus x domain x lang): a
 * {@link PerturbationStats} per perturbation, over the documents {@link RobustnessPlan} sampled. Mergeable.
 */
public final class RobustnessStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<String, PerturbationStats> byPerturbation = new TreeMap<>();

  /**
   * One sampled document and one of its perturbed texts, for this group's tokenizer. When {@code p} is not
   * {@link PerturbedText#changed changed}, pass {@code original} as {@code perturbed} and 0 nanos: the text is
   * the same, so encoding it again would only cost time.
   */
  public RobustnessStats add(DocumentText doc, Encoding original, PerturbedText p, Encoding perturbed, long nanos) {
    byPerturbation.computeIfAbsent(p.perturbation(), k -> new PerturbationStats())
        .add(doc, original, p, perturbed, nanos);
    return this;
  }

  public RobustnessStats merge(RobustnessStats o) {
    o.byPerturbation.forEach((k, v) -> byPerturbation.merge(k, v, PerturbationStats::merge));
    return this;
  }

  /** Per perturbation name, in name order. */
  public Map<String, PerturbationStats> byPerturbation() {
    return Collections.unmodifiableMap(byPerturbation);
  }
}
