package org.tokenometry.udfs.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.nio.charset.StandardCharsets;

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
 *
 * <p>So whether a char is inside a word depends only on its class and its two neighbours' classes, and words
 * are the maximal runs of such chars.
 */
public final class AsciiWordSegmenter {
  // ordered so that "always in a word" is <= EXTEND_NUM_LET and "joins only between neighbours" is <= MID_NUM_LET_Q
  private static final byte LETTER = 0;
  private static final byte NUMERIC = 1;
  private static final byte EXTEND_NUM_LET = 2;
  private static final byte MID_LETTER = 3;
  private static final byte MID_NUM = 4;
  /** MidNumLet or Single_Quote (UAX #29 MidNumLetQ): joins letters and digits alike. */
  private static final byte MID_NUM_LET_Q = 5;
  private static final byte OTHER = 6;

  private static final int CLASSES = 7;
  private static final byte[] CLASS = classes();
  private static final byte[] IN_WORD = inWordTable();
  /** Per-thread edge buffer (one slot per char), grown as needed; the result is a fresh exact-size array. */
  private static final ThreadLocal<int[]> EDGES = ThreadLocal.withInitial(() -> new int[1024]);
  private static final int MAX_CACHED_EDGES = 1 << 20;

  private AsciiWordSegmenter() {}

  /** Flattened {@code [start, end, ...]} word spans; {@code text} must be pure ASCII. */
  public static int[] wordSpans(String text) {
    // a Latin-1 copy is one array copy for an ASCII string, and byte[] indexing is cheaper than charAt
    return wordSpans(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Word spans of ASCII text given as its bytes (every byte below 0x80). */
  public static int[] wordSpans(byte[] b) {
    int n = b.length;
    if (n == 0) {
      return new int[0];
    }
    // Branch-free scan: whether a char belongs to a word depends only on its class and its two neighbours'
    // (IN_WORD), so word edges are the positions where that flag changes; every char writes a candidate edge
    // and the edge count advances only on a change. Word boundaries are unpredictable branches otherwise.
    int[] edges = edges(n + 1);
    int k = 0;
    int inWord = 0;
    int prev = OTHER;
    int cur = CLASS[b[0]];
    for (int i = 0; i < n - 1; i++) {
      int next = CLASS[b[i + 1]];
      int w = IN_WORD[(prev * CLASSES + cur) * CLASSES + next];
      edges[k] = i;
      k += w ^ inWord;
      inWord = w;
      prev = cur;
      cur = next;
    }
    int w = IN_WORD[(prev * CLASSES + cur) * CLASSES + OTHER];
    edges[k] = n - 1;
    k += w ^ inWord;
    edges[k] = n;
    k += w;
    // ICU tags a lone '_' WORD_NONE: drop those one-char spans
    int m = 0;
    for (int j = 0; j < k; j += 2) {
      if (edges[j + 1] - edges[j] != 1 || b[edges[j]] != '_') {
        m += 2;
      }
    }
    int[] out = new int[m];
    m = 0;
    for (int j = 0; j < k; j += 2) {
      if (edges[j + 1] - edges[j] != 1 || b[edges[j]] != '_') {
        out[m++] = edges[j];
        out[m++] = edges[j + 1];
      }
    }
    return out;
  }

  private static int[] edges(int size) {
    int[] e = EDGES.get();
    if (e.length < size) {
      e = new int[Math.max(size, e.length * 2)];
      if (e.length <= MAX_CACHED_EDGES) { // a huge document's buffer is not kept alive per thread
        EDGES.set(e);
      }
    }
    return e;
  }

  /** Whether a char of class {@code cur} between {@code prev} and {@code next} belongs to a word (1) or not (0). */
  private static byte[] inWordTable() {
    byte[] t = new byte[CLASSES * CLASSES * CLASSES];
    for (byte p = 0; p < CLASSES; p++) {
      for (byte c = 0; c < CLASSES; c++) {
        for (byte x = 0; x < CLASSES; x++) {
          boolean w = c <= EXTEND_NUM_LET || (c <= MID_NUM_LET_Q && joins(p, c, x));
          t[(p * CLASSES + c) * CLASSES + x] = (byte) (w ? 1 : 0);
        }
      }
    }
    return t;
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
