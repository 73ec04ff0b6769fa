package org.tokenometry.udfs.metrics;

import org.tokenometry.udfs.perturb.PerturbedText;
import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * Words whose tokenization a perturbation changed. A word's <em>pieces</em> under an encoding are, for each
 * token in order whose (non-empty) interval overlaps the word, that interval clipped to the word: the word's
 * cut points, with repeats where several tokens share a span (the bytes of one character), each marked
 * unknown or not. The perturbed encoding's intervals are first mapped back to the original text
 * ({@link PerturbedText#sourceOf}); a word is <em>changed</em> when its two piece sequences differ. Upper-casing
 * "cat" to "CAT" changes nothing when both are one token; a zero-width space that makes the tokenizer cut after
 * "c" does, and so does "cat" becoming one {@code [UNK]} on the same span.
 */
public final class ChangedWords {
  private ChangedWords() {}

  /** Changed words among {@code wordSpans} (the original's ICU words). */
  public static long count(int[] wordSpans, Encoding original, Encoding perturbed, PerturbedText p) {
    int n = perturbed.size();
    int[] ps = new int[n];
    int[] pe = new int[n];
    for (int t = 0; t < n; t++) {
      int[] src = p.sourceOf(perturbed.starts()[t], perturbed.ends()[t]);
      ps[t] = src[0];
      pe[t] = src[1];
    }
    return count(wordSpans, new Pieces(original.starts(), original.ends(), original), new Pieces(ps, pe, perturbed));
  }

  /** An encoding's token intervals (in original coordinates) and its unknown flags. */
  private record Pieces(int[] s, int[] e, Encoding enc) {
    int n() {
      return s.length;
    }

    boolean unknown(int t) {
      return enc.is(t, Encoding.UNKNOWN);
    }
  }

  private static long count(int[] words, Pieces a, Pieces b) {
    long changed = 0;
    int fa = 0;
    int fb = 0;
    for (int w = 0; w < words.length; w += 2) {
      int ws = words[w];
      int we = words[w + 1];
      fa = firstReaching(a, fa, ws);
      fb = firstReaching(b, fb, ws);
      if (!samePieces(a, fa, b, fb, ws, we)) {
        changed++;
      }
    }
    return changed;
  }

  /** Skips tokens that end at or before the word (tokens come in text order, as in WordTokenOverlap). */
  private static int firstReaching(Pieces p, int from, int ws) {
    int i = from;
    while (i < p.n() && p.e[i] <= ws && p.s[i] <= ws) {
      i++;
    }
    return i;
  }

  private static boolean samePieces(Pieces a, int ia, Pieces b, int ib, int ws, int we) {
    while (true) {
      ia = nextOverlapping(a, ia, ws, we);
      ib = nextOverlapping(b, ib, ws, we);
      if (ia < 0 || ib < 0) {
        return ia == ib;
      }
      if (Math.max(a.s[ia], ws) != Math.max(b.s[ib], ws) || Math.min(a.e[ia], we) != Math.min(b.e[ib], we)
          || a.unknown(ia) != b.unknown(ib)) {
        return false;
      }
      ia++;
      ib++;
    }
  }

  /** The next token from {@code i} sharing at least one character with {@code [ws, we)}, or -1. */
  private static int nextOverlapping(Pieces p, int i, int ws, int we) {
    for (; i < p.n() && p.s[i] < we; i++) {
      if (p.e[i] > p.s[i] && p.e[i] > ws) {
        return i;
      }
    }
    return -1;
  }
}
