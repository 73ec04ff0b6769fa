package org.tokenometry.udfs.perturb;

import com.ibm.icu.lang.UCharacter;

/**
 * {@code whitespace}: after each White_Space code point, with probability {@code rate}, one extra space
 * (U+0020) is inserted: the doubled spaces of pasted and OCR'd text. Text without spaces (Chinese, Thai) is left
 * as it is. Draws: one {@code nextDouble} per White_Space code point, in text order.
 */
public final class WhitespaceNoise implements Perturbation {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "whitespace";
  private final double rate;

  public WhitespaceNoise(double rate) {
    this.rate = rate;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PerturbedText apply(String text, int[] wordSpans, SplitMix64 random) {
    PerturbedText.Builder b = new PerturbedText.Builder(NAME, text);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (UCharacter.isUWhiteSpace(cp) && random.nextDouble() < rate) {
        b.copyTo(i).insert(" ");
      }
    }
    return b.build();
  }
}
