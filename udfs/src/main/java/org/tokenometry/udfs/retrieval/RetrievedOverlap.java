package org.tokenometry.udfs.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * How the k retrieved chunks K cover the references R of one question (DESIGN §3), from which recall,
 * precision and IoU follow. I = union of (c ∩ r) over c ∈ K, r ∈ R that meet; unused = each r minus the
 * retrieved chunks. Chunks of other documents/corpora never meet a reference but still count in Σ|c|.
 *
 * @param hit |I|
 * @param retrieved Σ_{c∈K} |c| (overlapping chunks counted twice, as Chroma does)
 * @param reference Σ_{r∈R} |r|
 * @param unused Σ |r minus K| over references
 */
public record RetrievedOverlap(long hit, long retrieved, long reference, long unused) {

  public static RetrievedOverlap of(List<Interval> references, List<Interval> retrievedChunks, boolean touching) {
    List<Interval> hits = new ArrayList<>();
    List<Interval> usedChunks = new ArrayList<>();
    for (Interval c : retrievedChunks) {
      for (Interval r : references) {
        if (c.meets(r, touching)) {
          hits.add(c.intersect(r));
          usedChunks.add(c);
        }
      }
    }
    long unused = 0;
    for (Interval r : references) {
      unused += IntervalSet.sum(IntervalSet.minus(r, usedChunks));
    }
    return new RetrievedOverlap(IntervalSet.unionLength(hits), IntervalSet.sum(retrievedChunks),
        IntervalSet.sum(references), unused);
  }

  /** |I| / Σ|r|. */
  public double recall() {
    return reference == 0 ? 0 : (double) hit / reference;
  }

  /** |I| / Σ_{c∈K}|c|; 0 when nothing was retrieved. */
  public double precision() {
    return retrieved == 0 ? 0 : (double) hit / retrieved;
  }

  /** |I| / (Σ_{c∈K}|c| + Σ|unused|). */
  public double iou() {
    long d = retrieved + unused;
    return d == 0 ? 0 : (double) hit / d;
  }
}
