package org.tokenometry.udfs.retrieval;

import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * The two units retrieval is scored in. {@code char}: code points (Python string indices, as Chroma), touching
 * intervals intersect. {@code token}: token indices of the measured tokenizer; a character interval covers the
 * tokens sharing at least one character with it; touching does not count.
 */
public enum Unit {
  CHAR("char", true) {
    @Override
    Interval fromUtf16(int doc, String text, Encoding enc, int start, int end) {
      int s = text.codePointCount(0, start);
      return new Interval(doc, s, s + text.codePointCount(start, end));
    }
  },
  TOKEN("token", false) {
    @Override
    Interval fromUtf16(int doc, String text, Encoding enc, int start, int end) {
      int[] starts = enc.starts();
      int[] ends = enc.ends();
      // token spans are non-decreasing in both ends: first token ending after start, last starting before end
      int lo = 0;
      int hi = ends.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ends[mid] <= start) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int first = lo;
      lo = first;
      hi = starts.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (starts[mid] < end) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int last = lo; // exclusive
      return last > first ? new Interval(doc, first, last) : new Interval(doc, first, first);
    }
  };

  private final String label;
  private final boolean touching;

  Unit(String label, boolean touching) {
    this.label = label;
    this.touching = touching;
  }

  public String label() {
    return label;
  }

  public boolean touching() {
    return touching;
  }

  abstract Interval fromUtf16(int doc, String text, Encoding enc, int start, int end);
}
