package org.tokenometry.udfs.tokenizers.pure;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * Hugging Face's BertNormalizer followed by its BertPreTokenizer's character classes, per code point:
 * {@code clean_text} removes U+0000, U+FFFD and Cc/Cf/Co (tab, LF, CR excepted) and turns whitespace into
 * ' '; {@code handle_chinese_chars} isolates CJK ideographs; {@code strip_accents} is NFD then dropping Mn;
 * {@code lowercase} is Rust's {@code char::to_lowercase} (no final-sigma rule, 'İ' becomes "i̇"). Each
 * normalized code point then either joins the current word, ends it (whitespace), or is a word of its own
 * (punctuation). Every step maps one original code point to zero or more code points, all aligned to that
 * original code point, which is how the reference engine's offsets come back to the original text.
 * The BMP is precomputed into tables at load; other planes take the slow path.
 */
final class BertNormalizer {
  /** Joins the current word as {@link #single}. */
  static final byte WORD = 0;
  /** Ends the current word. */
  static final byte SPACE = 1;
  /** Removed. */
  static final byte DROP = 2;
  /** A word of its own: {@link #single}. */
  static final byte ISOLATED = 3;
  /** Several code points ({@link #multi}), each classified on its own. */
  static final byte MULTI = 4;
  /** Like {@link #MULTI}, and also a word boundary before and after (a CJK ideograph). */
  static final byte MULTI_ISOLATED = 5;

  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  private final boolean cleanText;
  private final boolean chineseChars;
  private final boolean stripAccents;
  private final boolean lowercase;
  private final byte[] kind = new byte[0x10000];
  private final int[] single = new int[0x10000];
  private final int[][] multi = new int[0x10000][];

  BertNormalizer(boolean cleanText, boolean chineseChars, boolean stripAccents, boolean lowercase) {
    this.cleanText = cleanText;
    this.chineseChars = chineseChars;
    this.stripAccents = stripAccents;
    this.lowercase = lowercase;
    for (int cp = 0; cp < 0x10000; cp++) {
      int[] exp = expansion(cp);
      boolean isolated = isolated(cp);
      if (exp.length == 0) {
        kind[cp] = DROP;
      } else if (exp.length == 1 && isWhitespace(exp[0]) && !isolated) {
        kind[cp] = SPACE;
      } else if (exp.length == 1 && (isolated || isPunctuation(exp[0]))) {
        kind[cp] = ISOLATED;
        single[cp] = exp[0];
      } else if (exp.length == 1) {
        kind[cp] = WORD;
        single[cp] = exp[0];
      } else {
        kind[cp] = isolated ? MULTI_ISOLATED : MULTI;
        multi[cp] = exp;
      }
    }
  }

  /** For a BMP code point: one of the kinds above. */
  byte kind(int cp) {
    return kind[cp];
  }

  int single(int cp) {
    return single[cp];
  }

  int[] multi(int cp) {
    return multi[cp];
  }

  /** Whether the normalizer puts spaces around {@code cp} (a CJK ideograph with handle_chinese_chars). */
  boolean isolated(int cp) {
    return chineseChars && isChineseChar(cp);
  }

  /** The code points {@code cp} normalizes to (empty when removed). */
  int[] expansion(int cp) {
    if (cleanText) {
      if (cp == 0 || cp == 0xFFFD || (BertCategories.isOther(cp) && cp != '\t' && cp != '\n' && cp != '\r')) {
        return new int[0];
      }
      if (cp == '\t' || cp == '\n' || cp == '\r' || isWhitespace(cp)) {
        return new int[] {' '};
      }
    }
    int[] cps = {cp};
    String d = stripAccents ? NFD.getDecomposition(cp) : null;
    if (d != null) {
      cps = d.codePoints().toArray();
    }
    if (stripAccents) {
      int n = 0;
      for (int c : cps) {
        if (!BertCategories.isNonspacingMark(c)) {
          cps[n++] = c;
        }
      }
      cps = n == cps.length ? cps : java.util.Arrays.copyOf(cps, n);
    }
    if (lowercase) {
      int n = 0;
      int[] lower = new int[cps.length * 2];
      for (int c : cps) {
        if (c == 0x130) { // the one unconditional multi-character lowercase mapping
          lower[n++] = 'i';
          lower[n++] = 0x307;
        } else {
          lower[n++] = UCharacter.toLowerCase(c);
        }
      }
      cps = java.util.Arrays.copyOf(lower, n);
    }
    return cps;
  }

  /** Rust's {@code char::is_whitespace} (the White_Space property): what the pre-tokenizer splits on. */
  static boolean isWhitespace(int cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
        || cp == 0x3000;
  }

  /** The pre-tokenizer's punctuation: any ASCII punctuation (including $+<=>^`|~) or a P* category. */
  static boolean isPunctuation(int cp) {
    if (cp < 0x80) {
      return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60)
          || (cp >= 0x7B && cp <= 0x7E);
    }
    return BertCategories.isPunctuation(cp);
  }

  /** The CJK ideograph blocks of the reference engine's {@code is_chinese_char}. */
  static boolean isChineseChar(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
