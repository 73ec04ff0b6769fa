package org.tokenometry.udfs.tokenizers;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import org.tokenometry.udfs.text.AsciiWordSegmenter;
import org.tokenometry.udfs.text.TextSegmenter;

/**
 * Baseline: the ICU word segmentation the metrics use, keeping every segment except whitespace-only ones, so
 * each word is one token and so is each punctuation mark or symbol ("Hi, you!" = Hi , you ! = 4 tokens).
 * The vocabulary is unbounded: ids are a 31-bit hash of the segment, {@link #vocabSize()} is -1, and the
 * token string of an id is not recoverable.
 *
 * <p>Pure-ASCII text takes {@link AsciiWordSegmenter}'s exact path: in ASCII every char outside a word span is
 * a segment of its own (only CR LF and runs of spaces join, and those are whitespace), so the tokens are the
 * word spans plus each other non-whitespace char (checked against ICU on random ASCII strings).
 */
public final class WordsTokenizer implements Tokenizer {
  public static final String NAME = "words";
  private static final ThreadLocal<BreakIterator> WORDS =
      ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String type() {
    return "baseline";
  }

  @Override
  public int vocabSize() {
    return -1;
  }

  @Override
  public String tokenString(int id) {
    return null;
  }

  @Override
  public int unkId() {
    return -1;
  }

  @Override
  public Encoding encode(String text) {
    return encode(text, 0, text.length());
  }

  /** Where word segmentation may be cut ({@link TextSegmenter#isCut}). */
  @Override
  public boolean canCutBefore(String text, int at) {
    return TextSegmenter.isCut(text, at);
  }

  @Override
  public Encoding encode(String text, int from, int to) {
    Segments out = new Segments();
    if (TextSegmenter.isAscii(text, from, to)) {
      ascii(text, from, to, out);
    } else {
      icu(text, from, to, out);
    }
    return out.encoding();
  }

  private static void icu(String text, int from, int to, Segments out) {
    String piece = from == 0 && to == text.length() ? text : text.substring(from, to);
    BreakIterator it = WORDS.get();
    it.setText(piece);
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      if (!isBlank(piece, start, end)) {
        out.add(text, from + start, from + end);
      }
    }
    it.setText("");
  }

  private static void ascii(String text, int from, int to, Segments out) {
    byte[] b = new byte[to - from];
    text.getBytes(from, to, b, 0);
    int[] words = AsciiWordSegmenter.wordSpans(b);
    int w = 0;
    for (int i = 0; i < b.length; ) {
      if (w < words.length && words[w] == i) {
        out.add(text, from + i, from + words[w + 1]);
        i = words[w + 1];
        w += 2;
        continue;
      }
      if (!UCharacter.isUWhiteSpace(b[i])) {
        out.add(text, from + i, from + i + 1);
      }
      i++;
    }
  }

  private static boolean isBlank(String text, int start, int end) {
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      if (!UCharacter.isUWhiteSpace(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** The segments kept, as tokens. */
  private static final class Segments {
    private int[] ids = new int[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int n;

    void add(String text, int start, int end) {
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
        starts = Arrays.copyOf(starts, n * 2);
        ends = Arrays.copyOf(ends, n * 2);
      }
      ids[n] = hash(text, start, end) & Integer.MAX_VALUE;
      starts[n] = start;
      ends[n] = end;
      n++;
    }

    /** {@code text.substring(start, end).hashCode()}, without the substring. */
    private static int hash(String text, int start, int end) {
      int h = 0;
      for (int i = start; i < end; i++) {
        h = 31 * h + text.charAt(i);
      }
      return h;
    }

    Encoding encoding() {
      return new Encoding(Arrays.copyOf(ids, n), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), new byte[n]);
    }
  }
}
