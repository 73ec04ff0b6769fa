package org.tokenometry.udfs.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scores every question against one chunk set: each retriever is asked once for the largest k and shorter
 * rankings are its prefixes; Precision-Ω depends on neither and is computed once per question and unit.
 */
public final class RetrievalEvaluator {
  private RetrievalEvaluator() {}

  public static List<QuestionResult> evaluate(ChunkSet set, List<EvalQuestion> questions,
      Map<String, Retriever> retrievers, int[] ks, List<Unit> units) {
    int maxK = Arrays.stream(ks).max().orElse(0);
    List<QuestionResult> out = new ArrayList<>();
    List<List<Interval>> chunksByUnit = units.stream().map(set::chunks).toList();
    for (EvalQuestion q : questions) {
      double[] omega = new double[units.size()];
      List<List<Interval>> refs = new ArrayList<>();
      for (int u = 0; u < units.size(); u++) {
        refs.add(set.references(q, units.get(u)));
        omega[u] = PrecisionOmega.of(refs.get(u), chunksByUnit.get(u), units.get(u).touching());
      }
      for (var r : retrievers.entrySet()) {
        int[] ranked = r.getValue().search(q.question(), maxK);
        for (int k : ks) {
          for (int u = 0; u < units.size(); u++) {
            List<Interval> retrieved = new ArrayList<>();
            for (int i = 0; i < Math.min(k, ranked.length); i++) {
              retrieved.add(chunksByUnit.get(u).get(ranked[i]));
            }
            RetrievedOverlap o = RetrievedOverlap.of(refs.get(u), retrieved, units.get(u).touching());
            out.add(new QuestionResult(q.id(), q.corpus(), r.getKey(), k, units.get(u).label(), o.recall(),
                o.precision(), o.iou(), omega[u]));
          }
        }
      }
    }
    return out;
  }
}
