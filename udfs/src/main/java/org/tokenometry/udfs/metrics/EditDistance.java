package org.tokenometry.udfs.metrics;

/**
 * Levenshtein distance (insertions, deletions and substitutions of one code point each cost 1) by the
 * furthest-reaching-diagonal method (Ukkonen 1985; Landau and Vishkin 1989): for d = 0, 1, 2, ... it keeps, per
 * diagonal, how far along both texts d edits can reach, sliding over equal code points for free. Time is
 * O((n + m) d) at worst and close to O(n + m + d^2) on natural text; memory is O(d). The common prefix and suffix
 * are removed first, so a megabyte document with a handful of edits costs a scan.
 *
 * <p>The caller bounds the work: the search stops, and reports {@link #TOO_FAR}, once d exceeds
 * {@code workLimit / (n + m)}, n and m being the lengths left after the common prefix and suffix.
 */
public final class EditDistance {
  /** Returned when the distance exceeds what the work limit allows. */
  public static final long TOO_FAR = -1;

  private EditDistance() {}

  /** The distance between a and b, or {@link #TOO_FAR}. */
  public static long between(int[] a, int[] b, long workLimit) {
    int prefix = 0;
    int max = Math.min(a.length, b.length);
    while (prefix < max && a[prefix] == b[prefix]) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
      suffix++;
    }
    int n = a.length - prefix - suffix;
    int m = b.length - prefix - suffix;
    if (n + m == 0) {
      return 0;
    }
    long maxEdits = Math.min(Math.max(n, m), workLimit / (n + m));
    if (Math.abs(n - m) > maxEdits) {
      return TOO_FAR;
    }
    if (n == 0 || m == 0) {
      return n + m; // only insertions or only deletions
    }
    return furthestReaching(a, b, prefix, n, m, (int) maxEdits);
  }

  /**
   * The distance between a[off, off + n) and b[off, off + m), or TOO_FAR past maxEdits. {@code reach[k + shift]}
   * is the furthest i on diagonal k (b index j = i + k) reachable with the current number of edits.
   */
  private static long furthestReaching(int[] a, int[] b, int off, int n, int m, int maxEdits) {
    int shift = maxEdits + 1;
    // diagonals outside the range of a step keep MIN_VALUE: the range only grows, so they were never written
    int[] reach = new int[2 * maxEdits + 3];
    int[] next = new int[2 * maxEdits + 3];
    java.util.Arrays.fill(reach, Integer.MIN_VALUE);
    java.util.Arrays.fill(next, Integer.MIN_VALUE);
    reach[shift] = slide(a, b, off, n, m, 0, 0);
    int target = m - n;
    if (target == 0 && reach[shift] >= n) {
      return 0;
    }
    for (int d = 1; d <= maxEdits; d++) {
      int lo = Math.max(-d, -n);
      int hi = Math.min(d, m);
      for (int k = lo; k <= hi; k++) {
        int best = Integer.MIN_VALUE;
        int same = reach[k + shift];
        if (same != Integer.MIN_VALUE) {
          best = same + 1; // substitution
        }
        int fromAbove = reach[k + 1 + shift]; // diagonal k + 1: one more code point of a (a deletion)
        if (fromAbove != Integer.MIN_VALUE) {
          best = Math.max(best, fromAbove + 1);
        }
        int fromBelow = reach[k - 1 + shift]; // diagonal k - 1: one more code point of b (an insertion)
        if (fromBelow != Integer.MIN_VALUE) {
          best = Math.max(best, fromBelow);
        }
        next[k + shift] = best == Integer.MIN_VALUE ? best
            : slide(a, b, off, n, m, Math.min(best, Math.min(n, m - k)), k);
      }
      if (next[target + shift] >= n) {
        return d;
      }
      int[] t = reach;
      reach = next;
      next = t;
    }
    return TOO_FAR;
  }

  /** From i on diagonal k, past every position where both texts hold the same code point. */
  private static int slide(int[] a, int[] b, int off, int n, int m, int i, int k) {
    while (i < n && i + k < m && a[off + i] == b[off + i + k]) {
      i++;
    }
    return i;
  }
}
