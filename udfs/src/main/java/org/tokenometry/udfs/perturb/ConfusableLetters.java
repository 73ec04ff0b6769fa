package org.tokenometry.udfs.perturb;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latin letters and the Cyrillic or Greek letters that look the same, from ICU's confusables data (Unicode
 * TR39): two letters are confusable when {@link SpoofChecker#getSkeleton} gives them the same skeleton. Letters
 * are the BMP code points of General Category L* in the Latin, Cyrillic and Greek scripts that NFKC leaves
 * unchanged (so no fullwidth or compatibility forms); a Latin letter's candidates are the Cyrillic and Greek
 * letters of its skeleton, a Cyrillic or Greek letter's are the Latin ones; candidates in code point order.
 */
public final class ConfusableLetters {
  private static final Map<Integer, int[]> CANDIDATES = build();

  private ConfusableLetters() {}

  /** The look-alikes of {@code cp} in the other script family, ascending; empty when it has none. */
  public static int[] of(int cp) {
    return CANDIDATES.getOrDefault(cp, new int[0]);
  }

  /** Letters with at least one candidate. */
  public static int size() {
    return CANDIDATES.size();
  }

  private static Map<Integer, int[]> build() {
    SpoofChecker spoof = new SpoofChecker.Builder().build();
    Normalizer2 nfkc = Normalizer2.getNFKCInstance();
    Map<String, List<Integer>> bySkeleton = new TreeMap<>();
    for (int cp = 0; cp < 0x10000; cp++) {
      int script = UScript.getScript(cp);
      if (script != UScript.LATIN && script != UScript.CYRILLIC && script != UScript.GREEK) {
        continue;
      }
      String s = new String(Character.toChars(cp));
      if (UCharacter.isLetter(cp) && nfkc.isNormalized(s)) {
        bySkeleton.computeIfAbsent(spoof.getSkeleton(s), k -> new ArrayList<>()).add(cp);
      }
    }
    Map<Integer, int[]> out = new HashMap<>();
    for (List<Integer> group : bySkeleton.values()) {
      for (int cp : group) {
        boolean latin = UScript.getScript(cp) == UScript.LATIN;
        int[] others = group.stream().filter(o -> (UScript.getScript(o) == UScript.LATIN) != latin)
            .mapToInt(Integer::intValue).toArray(); // groups are filled in code point order
        if (others.length > 0) {
          out.put(cp, others);
        }
      }
    }
    return Map.copyOf(out);
  }
}
