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
    boolean nested = false;
    for (int t = 0, reach = Integer.MIN_VALUE; t < enc.size(); t++) {
      nested |= ends[t] <= starts[t] || ends[t] < reach;
      reach = ends[t];
    }
    return count(wordSpans, enc, !nested);
  }

  /**
   * The same; {@code plain}: every token is non-empty and ends no earlier than the one before (so no token lies
   * inside another), as all engines emit for ordinary text. Then the tokens sharing a character with a word are
   * exactly those from the first that ends after the word's start to the last that starts before its end, and
   * two pointers walking forward count them without looking at each token twice.
   */
  static long[] count(int[] wordSpans, Encoding enc, boolean plain) {
    if (!plain) {
      return countAny(wordSpans, enc);
    }
    int[] starts = enc.starts();
    int[] ends = enc.ends();
    int n = enc.size();
    long continued = 0;
    long single = 0;
    int lo = 0; // the first token ending after the word's start
    int hi = 0; // the first token starting at or after the word's end
    for (int w = 0; w < wordSpans.length; w += 2) {
      int ws = wordSpans[w];
      int we = wordSpans[w + 1];
      while (lo < n && ends[lo] <= ws) {
        lo++;
      }
      while (hi < n && starts[hi] < we) {
        hi++;
      }
      int overlapping = hi - lo;
      continued += overlapping >= 2 ? 1 : 0;
      single += overlapping == 1 ? 1 : 0;
    }
    return new long[] {continued, single};
  }

  /** Any token layout (empty tokens, or one inside another): each word's tokens examined in turn. */
  private static long[] countAny(int[] wordSpans, Encoding enc) {
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
