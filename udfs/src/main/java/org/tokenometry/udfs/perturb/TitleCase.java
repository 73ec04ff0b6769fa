package org.tokenometry.udfs.perturb;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;

/**
 * {@code title}: the first code point of every ICU word replaced by its full title-case mapping in the root
 * locale ({@code ǆ} becomes {@code ǅ}, {@code ß} becomes {@code Ss}); the rest of the word is left as it is, so
 * acronyms and mixed-case names keep their letters and only lower-case initials change.
 */
public final class TitleCase implements Perturbation {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "title";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PerturbedText apply(String text, int[] wordSpans, SplitMix64 random) {
    PerturbedText.Builder b = new PerturbedText.Builder(NAME, text);
    for (int w = 0; w < wordSpans.length; w += 2) {
      int s = wordSpans[w];
      int next = s + Character.charCount(text.codePointAt(s));
      String first = text.substring(s, next);
      String title = UCharacter.toTitleCase(ULocale.ROOT, first, null);
      if (!title.equals(first)) {
        b.copyTo(s).replaceTo(next, title);
      }
    }
    return b.build();
  }
}
