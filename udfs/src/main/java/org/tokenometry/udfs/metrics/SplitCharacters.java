package org.tokenometry.udfs.metrics;

import com.ibm.icu.lang.UCharacter;
import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * Non-whitespace characters overlapped by two or more tokens (the numerator of {@code split_char_rate}):
 * characters whose UTF-8 bytes a byte-level BPE, or a byte-fallback model, spread over several tokens. Those
 * tokens all report the character's span, so coverage is counted per character, never summed per token.
 */
public final class SplitCharacters {
  private SplitCharacters() {}

  public static long count(String text, Encoding enc) {
    return count(text, 0, text.length(), enc);
  }

  /** The same over {@code text[from, to)}, a piece of a long document whose tokens all lie inside it. */
  public static long count(String text, int from, int to, Encoding enc) {
    if (!overlapping(enc)) {
      return 0; // no two tokens share a character: most documents of most tokenizers
    }
    return countShared(text, from, to, enc);
  }

  /** {@link #count} where some two tokens are known to share a character. */
  static long countShared(String text, int from, int to, Encoding enc) {
    int[] delta = new int[to - from + 1];
    for (int t = 0; t < enc.size(); t++) {
      int s = enc.starts()[t] - from;
      int e = Math.min(enc.ends()[t], to) - from;
      if (e > s) {
        delta[s]++;
        delta[e]--;
      }
    }
    long split = 0;
    int cover = 0; // tokens covering UTF-16 unit j
    for (int j = from; j < to; j++) {
      cover += delta[j - from];
      // a character is judged at its first unit: engines never start a token inside a surrogate pair
      if (Character.isLowSurrogate(text.charAt(j)) && j > from && Character.isHighSurrogate(text.charAt(j - 1))) {
        continue;
      }
      if (cover >= 2 && !UCharacter.isUWhiteSpace(text.codePointAt(j))) {
        split++;
      }
    }
    return split;
  }

  /** Whether two tokens share a character: then one of them starts before the furthest end seen before it. */
  private static boolean overlapping(Encoding enc) {
    int[] starts = enc.starts();
    int[] ends = enc.ends();
    int reach = Integer.MIN_VALUE;
    for (int t = 0; t < enc.size(); t++) {
      if (ends[t] > starts[t]) {
        if (starts[t] < reach) {
          return true;
        }
        reach = Math.max(reach, ends[t]);
      }
    }
    return false;
  }
}
