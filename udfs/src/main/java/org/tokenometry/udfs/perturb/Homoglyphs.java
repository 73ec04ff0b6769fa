package org.tokenometry.udfs.perturb;

/**
 * {@code homoglyphs}: each letter that has a look-alike in the other script family ({@link ConfusableLetters}:
 * Latin against Cyrillic and Greek) is, with probability {@code rate}, replaced by one of its look-alikes chosen
 * uniformly. Draws, in text order: one {@code nextDouble} per such letter, then {@code nextInt(candidates)} when
 * it is replaced.
 */
public final class Homoglyphs implements Perturbation {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "homoglyphs";
  private final double rate;

  public Homoglyphs(double rate) {
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
      int next = i + Character.charCount(cp);
      int[] candidates = ConfusableLetters.of(cp);
      if (candidates.length > 0 && random.nextDouble() < rate) {
        b.copyTo(i).replaceTo(next, Character.toString(candidates[random.nextInt(candidates.length)]));
      }
      i = next;
    }
    return b.build();
  }
}
