package org.tokenometry.udfs.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for recall, precision, IoU and Precision-Ω (DESIGN §3). */
class RetrievalMetricsTest {
  private static final double EPS = 1e-12;

  private static Interval iv(int doc, int s, int e) {
    return new Interval(doc, s, e);
  }

  @Test
  void singleReferenceInsideOneRetrievedChunk() {
    // ref [10,20) inside chunk [0,50); second retrieved chunk [50,100) misses it
    RetrievedOverlap o = RetrievedOverlap.of(List.of(iv(0, 10, 20)), List.of(iv(0, 0, 50), iv(0, 50, 100)), true);
    assertEquals(10, o.hit());
    assertEquals(1.0, o.recall(), EPS);
    assertEquals(10 / 100.0, o.precision(), EPS);
    assertEquals(10 / 100.0, o.iou(), EPS); // nothing unused
  }

  @Test
  void overlappingChunksCountTwiceInPrecisionButOnceInTheHit() {
    // chunks [0,40) and [20,60) overlap on [20,40); ref [30,50): I = [30,50) = 20, Σ|c| = 80
    RetrievedOverlap o = RetrievedOverlap.of(List.of(iv(0, 30, 50)), List.of(iv(0, 0, 40), iv(0, 20, 60)), true);
    assertEquals(20, o.hit());
    assertEquals(80, o.retrieved());
    assertEquals(0.25, o.precision(), EPS);
    assertEquals(1.0, o.recall(), EPS);
    assertEquals(0.25, o.iou(), EPS);
  }

  @Test
  void multiReferencePartialCoverage() {
    // refs [0,10) and [100,120); retrieved [5,30): I = [5,10) = 5; unused = [0,5) + [100,120) = 25
    RetrievedOverlap o = RetrievedOverlap.of(List.of(iv(0, 0, 10), iv(0, 100, 120)), List.of(iv(0, 5, 30)), true);
    assertEquals(5, o.hit());
    assertEquals(25, o.unused());
    assertEquals(5 / 30.0, o.recall(), EPS);
    assertEquals(5 / 25.0, o.precision(), EPS);
    assertEquals(5 / (25.0 + 25.0), o.iou(), EPS);
  }

  @Test
  void touchingCountsInCharUnitButNotInTokenUnit() {
    List<Interval> refs = List.of(iv(0, 10, 20));
    List<Interval> chunks = List.of(iv(0, 0, 10), iv(0, 10, 20), iv(0, 20, 30));
    // Chroma (touching): all three chunks are highlighted; numerator 10, denominator [0,30) = 30
    assertEquals(10 / 30.0, PrecisionOmega.of(refs, chunks, true), EPS);
    // token unit (positive overlap only): only the middle chunk
    assertEquals(1.0, PrecisionOmega.of(refs, chunks, false), EPS);
    // a touching retrieved chunk adds nothing to the hit but its length to precision's denominator
    RetrievedOverlap touching = RetrievedOverlap.of(refs, List.of(iv(0, 0, 10)), true);
    assertEquals(0, touching.hit());
    assertEquals(0.0, touching.recall(), EPS);
    assertEquals(0.0, touching.iou(), EPS);
  }

  @Test
  void referencesInAnotherDocumentNeverMatch() {
    // same offsets, different document (corpus): no hit, the chunk still costs precision
    RetrievedOverlap o = RetrievedOverlap.of(List.of(iv(1, 0, 10)), List.of(iv(0, 0, 10)), true);
    assertEquals(0, o.hit());
    assertEquals(10, o.unused());
    assertEquals(0.0, o.precision(), EPS);
    assertEquals(0.0, o.iou(), EPS);
    assertEquals(0.0, PrecisionOmega.of(List.of(iv(1, 0, 10)), List.of(iv(0, 0, 10)), true), EPS);
  }

  @Test
  void emptyRetrievalScoresZero() {
    RetrievedOverlap o = RetrievedOverlap.of(List.of(iv(0, 0, 10)), List.of(), true);
    assertEquals(0.0, o.recall(), EPS);
    assertEquals(0.0, o.precision(), EPS);
    assertEquals(0.0, o.iou(), EPS);
  }

  @Test
  void precisionOmegaUnionsHighlightedChunksAndUncoveredReference() {
    // chunks [0,10) [8,20) [30,40); ref [5,25): highlighted = first two; hits = [5,10)+[8,20) -> [5,20) = 15;
    // reference left uncovered [20,25) = 5; denominator = |[0,20) ∪ [20,25)| = 25
    List<Interval> chunks = List.of(iv(0, 0, 10), iv(0, 8, 20), iv(0, 30, 40));
    assertEquals(15 / 25.0, PrecisionOmega.of(List.of(iv(0, 5, 25)), chunks, true), EPS);
  }

  @Test
  void meanAndPopulationStd() {
    MeanStd m = new MeanStd();
    for (double x : new double[] {1, 2, 3, 4}) {
      m.add(x);
    }
    assertEquals(2.5, m.mean(), EPS);
    assertEquals(Math.sqrt(1.25), m.std(), EPS); // population: Σ(x-μ)²/n = 5/4
  }
}
