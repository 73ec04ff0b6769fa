package org.tokenometry.udfs.perturb;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;

/**
 * {@code upper}: every code point replaced by its full upper-case mapping in the root locale ({@code ß} becomes
 * {@code SS}). Mapped one code point at a time so each output maps back to its own character; root-locale
 * upper-casing has no context rules, so this equals upper-casing the whole text.
 */
public final class UpperCase implements Perturbation {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "upper";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PerturbedText apply(String text, int[] wordSpans, SplitMix64 random) {
    PerturbedText.Builder b = new PerturbedText.Builder(NAME, text);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      String up = UCharacter.toUpperCase(ULocale.ROOT, text.substring(i, next));
      if (!up.equals(text.substring(i, next))) {
        b.copyTo(i).replaceTo(next, up);
      }
      i = next;
    }
    return b.build();
  }
}
