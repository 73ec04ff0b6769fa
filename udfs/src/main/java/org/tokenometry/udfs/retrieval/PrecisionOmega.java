package org.tokenometry.udfs.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Chroma's Precision-Ω: the precision a perfect retriever would reach with this chunking. H = every chunk of
 * the corpus that meets a reference; Precision-Ω = |union(H ∩ R)| / |union(H ∪ (R minus H))|, 0 when H is
 * empty. Independent of the retriever and of k.
 */
public final class PrecisionOmega {
  private PrecisionOmega() {}

  public static double of(List<Interval> references, List<Interval> allChunks, boolean touching) {
    List<Interval> hits = new ArrayList<>();
    List<Interval> highlighted = new ArrayList<>();
    for (Interval c : allChunks) {
      boolean any = false;
      for (Interval r : references) {
        if (c.meets(r, touching)) {
          hits.add(c.intersect(r));
          any = true;
        }
      }
      if (any) {
        highlighted.add(c);
      }
    }
    if (highlighted.isEmpty()) {
      return 0;
    }
    List<Interval> denominator = new ArrayList<>(highlighted);
    for (Interval r : references) {
      denominator.addAll(IntervalSet.minus(r, highlighted));
    }
    long d = IntervalSet.unionLength(denominator);
    return d == 0 ? 0 : (double) IntervalSet.unionLength(hits) / d;
  }
}
