package org.tokenometry.udfs.perturb;

import com.ibm.icu.lang.UCharacter;

/**
 * {@code zero_width}: between every two adjacent code points that are both not White_Space, with probability
 * {@code rate}, one invisible character is inserted: ZWSP U+200B, ZWNJ U+200C or ZWJ U+200D, chosen uniformly
 * in that order. Draws, in text order: one {@code nextDouble} per such gap, then {@code nextInt(3)} when a
 * character is inserted.
 */
public final class ZeroWidthInsertion implements Perturbation {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "zero_width";
  static final String[] INVISIBLE = {"\u200B", "\u200C", "\u200D"};
  private final double rate;

  public ZeroWidthInsertion(double rate) {
    this.rate = rate;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PerturbedText apply(String text, int[] wordSpans, SplitMix64 random) {
    PerturbedText.Builder b = new PerturbedText.Builder(NAME, text);
    int prev = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (prev >= 0 && !UCharacter.isUWhiteSpace(prev) && !UCharacter.isUWhiteSpace(cp)
          && random.nextDouble() < rate) {
        b.copyTo(i).insert(INVISIBLE[random.nextInt(INVISIBLE.length)]);
      }
      prev = cp;
      i += Character.charCount(cp);
    }
    return b.build();
  }
}
