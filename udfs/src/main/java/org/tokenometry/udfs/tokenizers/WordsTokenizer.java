package org.tokenometry.udfs.tokenizers;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;

/**
 * Baseline: the ICU word segmentation the metrics use, keeping every segment except whitespace-only ones, so
 * each word is one token and so is each punctuation mark or symbol ("Hi, you!" = Hi , you ! = 4 tokens).
 * The vocabulary is unbounded: ids are a 31-bit hash of the segment, {@link #vocabSize()} is -1, and the
 * token string of an id is not recoverable.
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

  /** Ids are hashes of the segments: there is no text to give back. */
  @Override
  public String decode(int[] ids) {
    return null;
  }

  @Override
  public Encoding encode(String text) {
    BreakIterator it = WORDS.get();
    it.setText(text);
    int[] ids = new int[16];
    int[] starts = new int[16];
    int[] ends = new int[16];
    int n = 0;
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      if (isBlank(text, start, end)) {
        continue;
      }
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
        starts = Arrays.copyOf(starts, n * 2);
        ends = Arrays.copyOf(ends, n * 2);
      }
      ids[n] = text.substring(start, end).hashCode() & Integer.MAX_VALUE;
      starts[n] = start;
      ends[n] = end;
      n++;
    }
    return new Encoding(Arrays.copyOf(ids, n), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), new byte[n]);
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
}
