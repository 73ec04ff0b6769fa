package org.tokenometry.udfs.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * ICU's sentence segmentation (root locale, UAX #29 sentence rules) restricted to pure-ASCII text, without a
 * BreakIterator: the same boundaries as {@link TextSegmenter#icuSentenceSpans}.
 *
 * <p>In ASCII a boundary can only follow a line break (SB4: CR, LF, CR LF) or a terminator run: {@code .}
 * (ATerm) or {@code !} {@code ?} (STerm), then closing punctuation, then spaces (SB9, SB10), then at most one
 * line break (SB11). That break is cancelled by SB6 ({@code .} before a digit), SB7 (letter {@code .}
 * capital), SB8 ({@code .} ... when a lower-case letter comes before any other letter, terminator or line
 * break) and SB8a (the run is followed by {@code , - : ;} or another terminator).
 */
public final class AsciiSentenceSegmenter {
  private static final byte OTHER = 0;
  private static final byte CR = 1;
  private static final byte LF = 2;
  private static final byte SP = 3;
  private static final byte LOWER = 4;
  private static final byte UPPER = 5;
  private static final byte OLETTER = 6;
  private static final byte NUMERIC = 7;
  private static final byte ATERM = 8;
  private static final byte STERM = 9;
  private static final byte CLOSE = 10;
  private static final byte SCONTINUE = 11;

  private static final byte[] CLASS = classes();
  /** Character.isWhitespace for ASCII, which is what String.isBlank tests (it includes U+001C..U+001F). */
  private static final boolean[] BLANK = blanks();

  private AsciiSentenceSegmenter() {}

  /** Flattened {@code [start, end, ...]} sentence spans; {@code text} must be pure ASCII. */
  public static int[] sentenceSpans(String text) {
    return sentenceSpans(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sentence spans of ASCII text given as its bytes (every byte below 0x80). */
  public static int[] sentenceSpans(byte[] text) {
    int n = text.length;
    int[] out = new int[16];
    int k = 0;
    for (int start = 0; start < n; ) {
      int end = nextBoundary(text, start);
      if (k + 2 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[k++] = start;
      out[k++] = end;
      start = end;
    }
    return Arrays.copyOf(out, k);
  }

  /** Sentences that contain something other than whitespace (the definition of TextSegmenter.countSentences). */
  public static int countSentences(String text) {
    return countSentences(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Non-blank sentences of ASCII text given as its bytes (every byte below 0x80). */
  public static int countSentences(byte[] text) {
    int n = text.length;
    int count = 0;
    for (int start = 0; start < n; ) {
      int end = nextBoundary(text, start);
      for (int i = start; i < end; i++) {
        if (!BLANK[text[i]]) {
          count++;
          break;
        }
      }
      start = end;
    }
    return count;
  }

  /** The first sentence boundary after {@code from} (which is itself a boundary, or 0). */
  static int nextBoundary(byte[] text, int from) {
    int n = text.length;
    int i = from;
    while (i < n) {
      byte c = CLASS[text[i]];
      if (c == CR || c == LF) {
        return afterLineBreak(text, i);
      }
      if (c != ATERM && c != STERM) {
        i++;
        continue;
      }
      int j = i + 1;
      if (c == ATERM && j < n) {
        byte next = CLASS[text[j]];
        if (next == NUMERIC) { // SB6
          i = j;
          continue;
        }
        if (next == UPPER && i > 0 && isCased(CLASS[text[i - 1]])) { // SB7
          i = j;
          continue;
        }
      }
      while (j < n && CLASS[text[j]] == CLOSE) {
        j++;
      }
      while (j < n && CLASS[text[j]] == SP) {
        j++;
      }
      if (j == n) {
        return n;
      }
      byte after = CLASS[text[j]];
      if (after == CR || after == LF) { // SB9/SB10 keep the line break, SB11 breaks after it
        return afterLineBreak(text, j);
      }
      if (after == SCONTINUE || after == ATERM || after == STERM // SB8a
          || (c == ATERM && lowerCaseFollows(text, j))) { // SB8
        i = j;
        continue;
      }
      return j; // SB11
    }
    return n;
  }

  private static int afterLineBreak(byte[] text, int i) {
    return text[i] == '\r' && i + 1 < text.length && text[i + 1] == '\n' ? i + 2 : i + 1;
  }

  private static boolean isCased(byte c) {
    return c == LOWER || c == UPPER;
  }

  /** SB8: skipping anything but letters, terminators and line breaks, is the next such character lower-case? */
  private static boolean lowerCaseFollows(byte[] text, int j) {
    for (int n = text.length; j < n; j++) {
      switch (CLASS[text[j]]) {
        case LOWER:
          return true;
        case UPPER, OLETTER, ATERM, STERM, CR, LF:
          return false;
        default:
          break;
      }
    }
    return false;
  }

  /**
   * Sentence_Break classes of the 128 ASCII characters, from ICU's own property data. A class this segmenter
   * has no rule for (Sep, Extend, Format) fails loudly instead of guessing.
   */
  private static byte[] classes() {
    byte[] t = new byte[128];
    for (int c = 0; c < 128; c++) {
      int sb = UCharacter.getIntPropertyValue(c, UProperty.SENTENCE_BREAK);
      t[c] = switch (sb) {
        case UCharacter.SentenceBreak.OTHER -> OTHER;
        case UCharacter.SentenceBreak.CR -> CR;
        case UCharacter.SentenceBreak.LF -> LF;
        case UCharacter.SentenceBreak.SP -> SP;
        case UCharacter.SentenceBreak.LOWER -> LOWER;
        case UCharacter.SentenceBreak.UPPER -> UPPER;
        case UCharacter.SentenceBreak.OLETTER -> OLETTER;
        case UCharacter.SentenceBreak.NUMERIC -> NUMERIC;
        case UCharacter.SentenceBreak.ATERM -> ATERM;
        case UCharacter.SentenceBreak.STERM -> STERM;
        case UCharacter.SentenceBreak.CLOSE -> CLOSE;
        case UCharacter.SentenceBreak.SCONTINUE -> SCONTINUE;
        default -> throw new IllegalStateException("ICU gives ASCII character U+" + Integer.toHexString(c)
            + " Sentence_Break value " + sb + ", which AsciiSentenceSegmenter has no rule for; extend it or drop the fast path");
      };
    }
    return t;
  }

  private static boolean[] blanks() {
    boolean[] t = new boolean[128];
    for (int c = 0; c < 128; c++) {
      t[c] = Character.isWhitespace(c);
    }
    return t;
  }
}
