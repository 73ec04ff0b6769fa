package org.tokenometry.udfs.retrieval;

/**
 * A half-open interval {@code [start, end)} in one document ({@code doc} is the document's index in the chunk
 * set), in whatever unit the caller scores in: code points for {@code unit=char}, token indices for
 * {@code unit=token}.
 */
public record Interval(int doc, int start, int end) {
  public Interval {
    if (end < start) {
      throw new IllegalArgumentException("interval end " + end + " before start " + start);
    }
  }

  public int length() {
    return end - start;
  }

  /**
   * Whether the two intervals meet. With {@code touching} (Chroma's rule, max(start) <= min(end)) intervals that
   * only share an endpoint count; without it they must share at least one unit.
   */
  public boolean meets(Interval o, boolean touching) {
    if (doc != o.doc) {
      return false;
    }
    int s = Math.max(start, o.start);
    int e = Math.min(end, o.end);
    return touching ? s <= e : s < e;
  }

  /** The common part (possibly empty); call only when {@link #meets}. */
  public Interval intersect(Interval o) {
    return new Interval(doc, Math.max(start, o.start), Math.max(Math.max(start, o.start), Math.min(end, o.end)));
  }
}
