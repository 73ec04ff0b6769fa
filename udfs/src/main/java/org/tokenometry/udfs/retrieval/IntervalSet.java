package org.tokenometry.udfs.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Interval arithmetic the retrieval metrics need: unions are measured, sums count overlaps twice. */
public final class IntervalSet {
  private IntervalSet() {}

  /** Σ length, overlaps counted as often as they occur. */
  public static long sum(List<Interval> intervals) {
    long s = 0;
    for (Interval i : intervals) {
      s += i.length();
    }
    return s;
  }

  /** Length of the union. */
  public static long unionLength(List<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingInt(Interval::doc).thenComparingInt(Interval::start));
    long total = 0;
    int doc = Integer.MIN_VALUE;
    int curStart = 0;
    int curEnd = 0;
    for (Interval i : sorted) {
      if (i.doc() != doc || i.start() > curEnd) {
        total += curEnd - curStart;
        doc = i.doc();
        curStart = i.start();
        curEnd = i.end();
      } else {
        curEnd = Math.max(curEnd, i.end());
      }
    }
    return total + (curEnd - curStart);
  }

  /** {@code from} minus every interval of {@code remove} (same document only), as a list of pieces. */
  public static List<Interval> minus(Interval from, List<Interval> remove) {
    List<Interval> pieces = new ArrayList<>(List.of(from));
    for (Interval r : remove) {
      if (r.doc() != from.doc() || r.length() == 0) {
        continue;
      }
      List<Interval> next = new ArrayList<>();
      for (Interval p : pieces) {
        if (r.end() <= p.start() || r.start() >= p.end()) {
          next.add(p);
          continue;
        }
        if (p.start() < r.start()) {
          next.add(new Interval(p.doc(), p.start(), r.start()));
        }
        if (r.end() < p.end()) {
          next.add(new Interval(p.doc(), r.end(), p.end()));
        }
      }
      pieces = next;
    }
    return pieces;
  }
}
