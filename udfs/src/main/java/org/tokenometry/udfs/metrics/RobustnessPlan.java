package org.tokenometry.udfs.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.perturb.Perturbation;
import org.tokenometry.udfs.perturb.Perturbations;
import org.tokenometry.udfs.perturb.PerturbedText;
import org.tokenometry.udfs.perturb.SplitMix64;

/**
 * Which documents the robustness metric perturbs, and how. A document is sampled when a uniform number drawn
 * from its doc_id and the seed alone ({@link SplitMix64#of}{@code (seed, "sample", doc_id)}, first
 * {@code nextDouble}) is below {@code min(1, sample_per_lang / n)}, n being its (corpus, lang) group's document
 * count: every executor and every rerun picks the same documents, with no second pass, and a group gets
 * {@code min(n, sample_per_lang)} documents in expectation (binomially distributed, not exactly). Each
 * perturbation draws from its own generator, {@code SplitMix64.of(seed, name, doc_id)}, so adding or removing
 * one never changes another's output. Serializable, to ship to executors.
 */
public final class RobustnessPlan implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String SAMPLE = "sample";

  private final List<Perturbation> perturbations;
  private final int samplePerLang;
  private final long seed;

  private RobustnessPlan(List<Perturbation> perturbations, int samplePerLang, long seed) {
    this.perturbations = perturbations;
    this.samplePerLang = samplePerLang;
    this.seed = seed;
  }

  /** {@code names} from {@link Perturbations#NAMES}; {@code rate} for the randomised ones. */
  public static RobustnessPlan of(List<String> names, double rate, int samplePerLang, long seed) {
    if (samplePerLang <= 0) {
      throw new IllegalArgumentException("sample_per_lang must be positive, got " + samplePerLang);
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be in [0, 1], got " + rate);
    }
    List<Perturbation> ps = new ArrayList<>();
    for (String n : names) {
      if (ps.stream().anyMatch(p -> p.name().equals(n))) {
        throw new IllegalArgumentException("perturbation '" + n + "' is listed twice");
      }
      ps.add(Perturbations.byName(n, rate));
    }
    return new RobustnessPlan(List.copyOf(ps), samplePerLang, seed);
  }

  public List<Perturbation> perturbations() {
    return perturbations;
  }

  /** The sampling probability of a (corpus, lang) group of {@code groupDocs} documents. */
  public double sampleProbability(long groupDocs) {
    return groupDocs <= samplePerLang ? 1.0 : (double) samplePerLang / groupDocs;
  }

  /** Whether the document is in the sample, for a group sampled with {@code probability}. */
  public boolean samples(String docId, double probability) {
    return probability >= 1.0 || SplitMix64.of(seed, SAMPLE, docId).nextDouble() < probability;
  }

  /** Every perturbation of one sampled document, in plan order; computed once and encoded by each tokenizer. */
  public List<PerturbedText> perturb(String docId, DocumentText doc) {
    List<PerturbedText> out = new ArrayList<>(perturbations.size());
    for (Perturbation p : perturbations) {
      out.add(p.apply(doc.text(), doc.wordSpans(), SplitMix64.of(seed, p.name(), docId)));
    }
    return out;
  }
}
