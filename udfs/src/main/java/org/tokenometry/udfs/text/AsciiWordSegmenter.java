package org.tokenometry.udfs.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * ICU's word segmentation (root locale) restricted to pure-ASCII text, without a BreakIterator: the spans
 * whose ICU rule status is not WORD_NONE, exactly as {@link TextSegmenter#icuWordSpans} returns them.
 *
 * <p>In ASCII the UAX #29 word rules reduce to: letters, digits and {@code _} (ExtendNumLet) join each
 * other in any order (WB5, WB8-WB10, WB13a/b); {@code ,} {@code ;} join two digits (WB11/12), {@code .} and
 * {@code '} join two letters or two digits (WB6/7, WB11/12). ICU's root rules take the colon out of MidLetter
 * (only the Swedish tailoring joins {@code a:b}), so {@code :} is punctuation here. Everything else is a
 * segment ICU tags WORD_NONE (spaces, CR LF, punctuation). ICU tags the single-character segment
 * {@code _} WORD_NONE too (it only has a tag when joined), so a lone {@code _} is not a word but
 * {@code __} is.
 */
public final class AsciiWordSegmenter {
  // ordered so that one comparison tells "joins anything word-like" (<= EXTEND_NUM_LET) and "middle" (<= MID_NUM_LET_Q)
  private static final byte LETTER = 0;
  private static final byte NUMERIC = 1;
  private static final byte EXTEND_NUM_LET = 2;
  private static final byte MID_LETTER = 3;
  private static final byte MID_NUM = 4;
  /** MidNumLet or Single_Quote (UAX #29 MidNumLetQ): joins letters and digits alike. */
  private static final byte MID_NUM_LET_Q = 5;
  private static final byte OTHER = 6;

  private static final byte[] CLASS = classes();

  private AsciiWordSegmenter() {}

  /** Flattened {@code [start, end, ...]} word spans; {@code text} must be pure ASCII. */
  public static int[] wordSpans(String text) {
    // a Latin-1 copy is one array copy for an ASCII string, and byte[] indexing is cheaper than charAt
    return wordSpans(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Word spans of ASCII text given as its bytes (every byte below 0x80). */
  public static int[] wordSpans(byte[] b) {
    int n = b.length;
    int[] out = new int[Math.min(64, n + 2)];
    int k = 0;
    int i = 0;
    while (i < n) {
      byte first = CLASS[b[i]];
      if (first > EXTEND_NUM_LET) {
        i++;
        continue;
      }
      int start = i;
      byte prev = first;
      i++;
      while (i < n) {
        byte c = CLASS[b[i]];
        if (c <= EXTEND_NUM_LET) {
          prev = c;
          i++;
        } else if (c <= MID_NUM_LET_Q && i + 1 < n && joins(prev, c, CLASS[b[i + 1]])) {
          prev = CLASS[b[i + 1]];
          i += 2;
        } else {
          break;
        }
      }
      if (i - start == 1 && first == EXTEND_NUM_LET) {
        continue;
      }
      if (k + 2 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[k++] = start;
      out[k++] = i;
    }
    return k == out.length ? out : Arrays.copyOf(out, k);
  }

  /** WB6/7 and WB11/12: a middle character joins only between two letters or two digits. */
  private static boolean joins(byte before, byte mid, byte after) {
    boolean letters = before == LETTER && after == LETTER;
    boolean digits = before == NUMERIC && after == NUMERIC;
    return switch (mid) {
      case MID_LETTER -> letters;
      case MID_NUM -> digits;
      case MID_NUM_LET_Q -> letters || digits;
      default -> false;
    };
  }

  /**
   * Word_Break classes of the 128 ASCII characters, read from ICU's own property data so the table follows
   * the Unicode version ICU ships. A class this segmenter has no rule for fails loudly instead of guessing.
   */
  private static byte[] classes() {
    byte[] t = new byte[128];
    for (int c = 0; c < 128; c++) {
      int wb = UCharacter.getIntPropertyValue(c, UProperty.WORD_BREAK);
      if (c == ':') {
        wb = UCharacter.WordBreak.OTHER; // ICU word.txt: $MidLetter minus the colon
      }
      t[c] = switch (wb) {
        case UCharacter.WordBreak.ALETTER -> LETTER;
        case UCharacter.WordBreak.NUMERIC -> NUMERIC;
        case UCharacter.WordBreak.EXTENDNUMLET -> EXTEND_NUM_LET;
        case UCharacter.WordBreak.MIDLETTER -> MID_LETTER;
        case UCharacter.WordBreak.MIDNUM -> MID_NUM;
        case UCharacter.WordBreak.MIDNUMLET, UCharacter.WordBreak.SINGLE_QUOTE -> MID_NUM_LET_Q;
        // never join a word: WB3 (CR LF), WB3a/b (newlines), WB3d (space runs), Double_Quote (Hebrew only)
        case UCharacter.WordBreak.OTHER, UCharacter.WordBreak.CR, UCharacter.WordBreak.LF,
            UCharacter.WordBreak.NEWLINE, UCharacter.WordBreak.WSEGSPACE,
            UCharacter.WordBreak.DOUBLE_QUOTE -> OTHER;
        default -> throw new IllegalStateException("ICU gives ASCII character U+" + Integer.toHexString(c)
            + " Word_Break value " + wb + ", which AsciiWordSegmenter has no rule for; extend it or drop the fast path");
      };
    }
    return t;
  }
}
