package org.tokenometry.udfs.metrics;

import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * How tokens cover words (DESIGN §3). A token overlaps a word when their character intervals share at least
 * one character. A word is <em>continued</em> when two or more distinct tokens overlap it, <em>single-token</em>
 * when exactly one does. Distinct means distinct token positions: the three byte tokens a byte-level BPE
 * emits for one ideograph are three tokens on the same span, so that one-character word is continued.
 */
public final class WordTokenOverlap {
  private WordTokenOverlap() {}

  /** {continued words, single-token words}. Tokens come in text order (starts non-decreasing), as engines emit. */
  public static long[] count(int[] wordSpans, Encoding enc) {
    int[] starts = enc.starts();
    int[] ends = enc.ends();
    int n = enc.size();
    long continued = 0;
    long single = 0;
    int first = 0; // tokens before this one end at or before the current word's start
    for (int w = 0; w < wordSpans.length; w += 2) {
      int ws = wordSpans[w];
      int we = wordSpans[w + 1];
      while (first < n && ends[first] <= ws && starts[first] <= ws) {
        first++;
      }
      int overlapping = 0;
      for (int t = first; t < n && starts[t] < we; t++) {
        // share at least one character: [s,e) ∩ [ws,we) non-empty; empty token spans share none
        if (ends[t] > starts[t] && ends[t] > ws && starts[t] < we) {
          overlapping++;
          if (overlapping >= 2) {
            break;
          }
        }
      }
      if (overlapping >= 2) {
        continued++;
      } else if (overlapping == 1) {
        single++;
      }
    }
    return new long[] {continued, single};
  }
}
