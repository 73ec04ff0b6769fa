package org.tokenometry.udfs.metrics;

import com.ibm.icu.lang.UCharacter;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs of whitespace: maximal runs of Unicode White_Space code points (space, tab, newline, no-break space, ...),
 * each taken as the exact string it is. A run of a text is kept by another text when the other has a run equal to
 * it: kept runs = the size of the multiset intersection of the two texts' runs, so order is ignored, a run split
 * or merged or changed in any character is lost, and runs the other text adds cost nothing.
 */
final class WhitespaceRuns {
  private WhitespaceRuns() {}

  /** Number of runs in {@code text}. */
  static long count(String text) {
    long runs = 0;
    boolean inRun = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean ws = isWhiteSpace(cp);
      runs += ws && !inRun ? 1 : 0;
      inRun = ws;
      i += Character.charCount(cp);
    }
    return runs;
  }

  /** Runs of {@code original} that {@code other} keeps (multiset intersection). */
  static long kept(String original, String other) {
    // single spaces, most runs by far, are counted apart from the map
    long[] spaces = new long[1];
    Map<String, long[]> counts = new HashMap<>();
    forEachRun(original, run -> {
      if (run == SPACE) {
        spaces[0]++;
      } else {
        counts.computeIfAbsent(run, k -> new long[1])[0]++;
      }
    });
    long[] kept = new long[1];
    forEachRun(other, run -> {
      long[] c = run == SPACE ? spaces : counts.get(run);
      if (c != null && c[0] > 0) {
        c[0]--;
        kept[0]++;
      }
    });
    return kept[0];
  }

  private static final String SPACE = " ";

  /** Unicode White_Space; in ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
  private static boolean isWhiteSpace(int cp) {
    return cp < 0x80 ? cp == ' ' || cp >= '\t' && cp <= '\r' : UCharacter.isUWhiteSpace(cp);
  }

  private static void forEachRun(String text, java.util.function.Consumer<String> f) {
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean ws = isWhiteSpace(cp);
      if (ws && start < 0) {
        start = i;
      } else if (!ws && start >= 0) {
        f.accept(run(text, start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      f.accept(run(text, start, text.length()));
    }
  }

  /** The run text[start, end); the single space, by far the most common run, without a new String. */
  private static String run(String text, int start, int end) {
    return end == start + 1 && text.charAt(start) == ' ' ? SPACE : text.substring(start, end);
  }
}
