package org.tokenometry.udfs.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;

/**
 * The dominant ISO 15924 script of a text, counted over letters only (digits, punctuation, spaces and
 * combining marks belong to Common/Inherited and do not vote). Japanese rule: when a text has any kana,
 * Han, Hiragana and Katakana letters vote together as {@code Jpan} (FLORES writes Japanese as
 * {@code jpn_Jpan}); Han without kana stays {@code Hani}. {@code Zyyy} (Common) when there are no letters.
 */
public final class ScriptDetector {
  public static final String COMMON = "Zyyy";

  private ScriptDetector() {}

  public static String dominant(String text) {
    int[] counts = new int[UScript.CODE_LIMIT];
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (UCharacter.isLetter(cp)) {
        int s = UScript.getScript(cp);
        if (s != UScript.COMMON && s != UScript.INHERITED && s >= 0 && s < counts.length) {
          counts[s]++;
        }
      }
    }
    if (counts[UScript.HIRAGANA] + counts[UScript.KATAKANA] > 0) {
      counts[UScript.JAPANESE] += counts[UScript.HAN] + counts[UScript.HIRAGANA] + counts[UScript.KATAKANA];
      counts[UScript.HAN] = 0;
      counts[UScript.HIRAGANA] = 0;
      counts[UScript.KATAKANA] = 0;
    }
    int best = -1;
    for (int s = 0; s < counts.length; s++) {
      // ties go to the lower script code, so the answer never depends on iteration luck
      if (counts[s] > 0 && (best < 0 || counts[s] > counts[best])) {
        best = s;
      }
    }
    return best < 0 ? COMMON : UScript.getShortName(best);
  }
}
