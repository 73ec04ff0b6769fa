package org.tokenometry.jobs.config;

import java.util.Collection;
import java.util.Locale;

/** "did you mean" for a misspelt key or name: the closest known one within a small edit distance. */
public final class DidYouMean {
  private DidYouMean() {}

  /** The closest of {@code known} to {@code typed} (at most 2 edits, and fewer than half its length), or null. */
  public static String closest(String typed, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String t = typed.toLowerCase(Locale.ROOT);
    for (String k : known) {
      int d = distance(t, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance || d == bestDistance && best != null && k.compareTo(best) < 0) {
        best = k;
        bestDistance = d;
      }
    }
    int limit = Math.min(2, Math.max(1, (typed.length() - 1) / 2));
    return bestDistance <= limit ? best : null;
  }

  /** {@code "; did you mean 'x'?"}, or empty. */
  public static String hint(String typed, Collection<String> known) {
    String c = closest(typed, known);
    return c == null ? "" : "; did you mean '" + c + "'?";
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
