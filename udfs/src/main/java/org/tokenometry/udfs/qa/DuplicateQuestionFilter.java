package org.tokenometry.udfs.qa;

import java.util.List;
import java.util.function.Function;

/**
 * Drops questions too similar to an earlier kept one (cosine similarity of embeddings above a threshold),
 * greedily in input order as Chroma's filter does. The embedder is any function from texts to vectors, so the
 * retrieval module's MiniLM embedder plugs in without this class knowing it.
 */
public final class DuplicateQuestionFilter {
  private final Function<List<String>, float[][]> embedder;
  private final double threshold;

  public DuplicateQuestionFilter(Function<List<String>, float[][]> embedder, double threshold) {
    this.embedder = embedder;
    this.threshold = threshold;
  }

  /** keep[i] is false when question i is a near-duplicate of a kept question before it. */
  public boolean[] keep(List<String> questions) {
    float[][] v = embedder.apply(questions);
    if (v.length != questions.size()) {
      throw new IllegalStateException("embedder returned " + v.length + " vectors for " + questions.size()
          + " texts");
    }
    double[] norm = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double s = 0;
      for (float x : v[i]) {
        s += x * x;
      }
      norm[i] = Math.sqrt(s);
    }
    boolean[] keep = new boolean[v.length];
    java.util.Arrays.fill(keep, true);
    for (int i = 0; i < v.length; i++) {
      if (!keep[i]) {
        continue;
      }
      for (int j = i + 1; j < v.length; j++) {
        if (keep[j] && cosine(v[i], v[j], norm[i], norm[j]) > threshold) {
          keep[j] = false;
        }
      }
    }
    return keep;
  }

  private static double cosine(float[] a, float[] b, double na, double nb) {
    if (na == 0 || nb == 0) {
      return 0;
    }
    double dot = 0;
    for (int k = 0; k < a.length; k++) {
      dot += a[k] * b[k];
    }
    return dot / (na * nb);
  }
}
