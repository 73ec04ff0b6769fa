package org.tokenometry.udfs.perturb;

import java.util.List;

/** The perturbations by config name; {@code rate} applies to the randomised ones. */
public final class Perturbations {
  /** Every perturbation, in the order the table lists them. */
  public static final List<String> NAMES = List.of(UpperCase.NAME, TitleCase.NAME, Homoglyphs.NAME,
      ZeroWidthInsertion.NAME, MathStyling.NAME, NfdDecomposition.NAME, KeyboardTypos.NAME, WhitespaceNoise.NAME);

  private Perturbations() {}

  public static Perturbation byName(String name, double rate) {
    return switch (name) {
      case UpperCase.NAME -> new UpperCase();
      case TitleCase.NAME -> new TitleCase();
      case Homoglyphs.NAME -> new Homoglyphs(rate);
      case ZeroWidthInsertion.NAME -> new ZeroWidthInsertion(rate);
      case MathStyling.NAME -> new MathStyling(rate);
      case NfdDecomposition.NAME -> new NfdDecomposition();
      case KeyboardTypos.NAME -> new KeyboardTypos(rate);
      case WhitespaceNoise.NAME -> new WhitespaceNoise(rate);
      default -> throw new IllegalArgumentException("unknown perturbation '" + name + "'; known: " + NAMES);
    };
  }
}
