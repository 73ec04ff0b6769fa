package org.tokenometry.udfs.perturb;

/**
 * {@code math_styling}: "𝐛𝐨𝐥𝐝" and "𝑖𝑡𝑎𝑙𝑖𝑐" text as pasted from social media. Each ICU word is, with probability
 * {@code rate}, restyled in Mathematical Bold (ASCII letters from U+1D400 / U+1D41A, digits from U+1D7CE) or
 * Mathematical Italic (letters from U+1D434 / U+1D44E; italic h is U+210E, digits stay), chosen uniformly; other
 * characters stay. Draws, per word in text order: one {@code nextDouble}, then {@code nextInt(2)} (0 bold, 1
 * italic) when the word is restyled.
 */
public final class MathStyling implements Perturbation {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "math_styling";
  private final double rate;

  public MathStyling(double rate) {
    this.rate = rate;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PerturbedText apply(String text, int[] wordSpans, SplitMix64 random) {
    PerturbedText.Builder b = new PerturbedText.Builder(NAME, text);
    for (int w = 0; w < wordSpans.length; w += 2) {
      if (random.nextDouble() >= rate) {
        continue;
      }
      boolean bold = random.nextInt(2) == 0;
      for (int i = wordSpans[w]; i < wordSpans[w + 1]; i++) {
        int styled = bold ? bold(text.charAt(i)) : italic(text.charAt(i));
        if (styled >= 0) {
          b.copyTo(i).replaceTo(i + 1, Character.toString(styled));
        }
      }
    }
    return b.build();
  }

  /** The Mathematical Bold form of an ASCII letter or digit, or -1. */
  static int bold(char c) {
    if (c >= 'A' && c <= 'Z') {
      return 0x1D400 + (c - 'A');
    }
    if (c >= 'a' && c <= 'z') {
      return 0x1D41A + (c - 'a');
    }
    return c >= '0' && c <= '9' ? 0x1D7CE + (c - '0') : -1;
  }

  /** The Mathematical Italic form of an ASCII letter, or -1; U+1D455 is unassigned (italic h is U+210E). */
  static int italic(char c) {
    if (c >= 'A' && c <= 'Z') {
      return 0x1D434 + (c - 'A');
    }
    if (c == 'h') {
      return 0x210E;
    }
    return c >= 'a' && c <= 'z' ? 0x1D44E + (c - 'a') : -1;
  }
}
