package org.tokenometry.udfs.perturb;

/**
 * {@code typos}: each ASCII letter or digit is, with probability {@code rate}, replaced by a neighbouring key
 * ({@link QwertyNeighbours}) chosen uniformly; an upper-case letter's replacement is upper-cased. Draws, in text
 * order: one {@code nextDouble} per ASCII letter or digit, then {@code nextInt(neighbours)} when it is replaced.
 */
public final class KeyboardTypos implements Perturbation {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "typos";
  private final double rate;

  public KeyboardTypos(double rate) {
    this.rate = rate;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PerturbedText apply(String text, int[] wordSpans, SplitMix64 random) {
    PerturbedText.Builder b = new PerturbedText.Builder(NAME, text);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean upper = c >= 'A' && c <= 'Z';
      char[] keys = QwertyNeighbours.of(upper ? (char) (c + ('a' - 'A')) : c);
      if (keys != null && random.nextDouble() < rate) {
        char k = keys[random.nextInt(keys.length)];
        b.copyTo(i).replaceTo(i + 1, String.valueOf(upper ? Character.toUpperCase(k) : k));
      }
    }
    return b.build();
  }
}
