package org.tokenometry.udfs.tokenizers.pure;

/**
 * Unicode classes the pre-tokenizer regexes use, as one bit set per code point, so scanners test a class
 * with a table load instead of a regex. General categories come from {@link Character#getType}; {@code \s}
 * is Oniguruma's Unicode whitespace (the White_Space property), which is what the Hugging Face engine uses.
 */
final class CharClasses {
  static final int L = 1; // \p{L}
  static final int N = 1 << 1; // \p{N}
  static final int M = 1 << 2; // \p{M}
  static final int SPACE = 1 << 3; // \s
  static final int LU_LT = 1 << 4; // \p{Lu} \p{Lt}
  static final int LL = 1 << 5; // \p{Ll}
  static final int LM_LO = 1 << 6; // \p{Lm} \p{Lo}
  static final int P = 1 << 7; // \p{P}
  static final int S = 1 << 8; // \p{S}

  private static final short[] TABLE = build();

  private CharClasses() {}

  static int of(int cp) {
    return TABLE[cp];
  }

  static boolean is(int cp, int mask) {
    return (TABLE[cp] & mask) != 0;
  }

  private static short[] build() {
    short[] t = new short[Character.MAX_CODE_POINT + 1];
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int bits = switch (Character.getType(cp)) {
        case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> L | LU_LT;
        case Character.LOWERCASE_LETTER -> L | LL;
        case Character.MODIFIER_LETTER, Character.OTHER_LETTER -> L | LM_LO;
        case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> N;
        case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> M;
        case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
            Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
            Character.OTHER_PUNCTUATION -> P;
        case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
            Character.OTHER_SYMBOL -> S;
        default -> 0;
      };
      if (isWhiteSpace(cp)) {
        bits |= SPACE;
      }
      t[cp] = (short) bits;
    }
    return t;
  }

  private static boolean isWhiteSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
        || cp == 0x3000;
  }
}
