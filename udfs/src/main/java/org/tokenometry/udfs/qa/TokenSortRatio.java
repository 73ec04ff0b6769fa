package org.tokenometry.udfs.qa;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * fuzzywuzzy's {@code token_sort_ratio}, the score Chroma uses for its last-resort sentence match: both
 * strings lower-cased, non-alphanumerics turned into spaces, words sorted, then the indel similarity
 * {@code 2·LCS / (|a| + |b|)} as a rounded percentage (python-Levenshtein's ratio).
 */
public final class TokenSortRatio {
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  private TokenSortRatio() {}

  public static int score(String a, String b) {
    return ratio(process(a), process(b));
  }

  /** Lower-case, alphanumeric words only, sorted and joined by single spaces. */
  public static String process(String s) {
    String[] words = NON_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip().split(" ");
    if (words.length == 1 && words[0].isEmpty()) {
      return "";
    }
    Arrays.sort(words);
    return String.join(" ", words);
  }

  /** Indel similarity of two already processed strings, 0..100. */
  public static int ratio(String a, String b) {
    int total = a.length() + b.length();
    if (total == 0) {
      return 100;
    }
    return (int) Math.round(200.0 * lcs(a, b) / total);
  }

  /** Upper bound of {@link #ratio} from the lengths alone: lets callers skip hopeless candidates cheaply. */
  public static int maxRatio(int lenA, int lenB) {
    int total = lenA + lenB;
    return total == 0 ? 100 : (int) Math.round(200.0 * Math.min(lenA, lenB) / total);
  }

  private static int lcs(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = ca == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
