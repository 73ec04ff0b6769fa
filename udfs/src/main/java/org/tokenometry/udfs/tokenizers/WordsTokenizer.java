package org.tokenometry.udfs.tokenizers;

import com.ibm.icu.lang.UCharacter;
import java.util.Arrays;
import org.tokenometry.udfs.text.AsciiWordSegmenter;
import org.tokenometry.udfs.text.TextSegmenter;

/**
 * Baseline: the ICU word segmentation the metrics use, keeping every segment except whitespace-only ones, so
 * each word is one token and so is each punctuation mark or symbol ("Hi, you!" = Hi , you ! = 4 tokens).
 * The vocabulary is unbounded: ids are a 31-bit hash of the segment, {@link #vocabSize()} is -1, and the
 * token string of an id is not recoverable.
 *
 * <p>The segmentation is {@link TextSegmenter}'s, which the pass has made once per document for the metrics
 * ({@code DocumentText.encode} hands it over). Pure-ASCII text takes {@link AsciiWordSegmenter}'s exact path: in
 * ASCII every char outside a word span is a segment of its own (only CR LF and runs of spaces join, and those are
 * whitespace), so the tokens are the word spans plus each other non-whitespace char (checked against ICU on random
 * ASCII strings).
 */
public final class WordsTokenizer implements Tokenizer {
  public static final String NAME = "words";

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
    return encode(text, 0, text.length());
  }

  /** Where word segmentation may be cut ({@link TextSegmenter#isCut}). */
  @Override
  public boolean canCutBefore(String text, int at) {
    return TextSegmenter.isCut(text, at);
  }

  @Override
  public Encoding encode(String text, int from, int to) {
    if (TextSegmenter.isAscii(text, from, to)) {
      byte[] b = new byte[to - from];
      text.getBytes(from, to, b, 0);
      int[] words = AsciiWordSegmenter.wordSpans(b);
      for (int i = 0; i < words.length; i++) {
        words[i] += from;
      }
      return encode(text, from, to, words, null);
    }
    int[][] segments = TextSegmenter.segments(from == 0 && to == text.length() ? text : text.substring(from, to));
    for (int[] spans : segments) {
      for (int i = 0; i < spans.length; i++) {
        spans[i] += from;
      }
    }
    return encode(text, from, to, segments[0], segments[1]);
  }

  /**
   * The tokens of {@code text[from, to)} from a segmentation already made ({@code DocumentText}'s): the word
   * spans, and the other non-blank segments' spans ({@link TextSegmenter#segments}), or null for ASCII text, where
   * every char outside a word that is not whitespace is a segment of its own.
   */
  public Encoding encode(String text, int from, int to, int[] wordSpans, int[] otherSpans) {
    Segments out = new Segments();
    int w = 0;
    if (otherSpans == null) {
      for (int i = from; i < to; ) {
        if (w < wordSpans.length && wordSpans[w] == i) {
          out.add(text, i, wordSpans[w + 1]);
          i = wordSpans[w + 1];
          w += 2;
          continue;
        }
        if (!UCharacter.isUWhiteSpace(text.charAt(i))) {
          out.add(text, i, i + 1);
        }
        i++;
      }
      return out.encoding();
    }
    int o = 0;
    while (w < wordSpans.length || o < otherSpans.length) { // both in text order: merge them
      if (o >= otherSpans.length || w < wordSpans.length && wordSpans[w] < otherSpans[o]) {
        out.add(text, wordSpans[w], wordSpans[w + 1]);
        w += 2;
      } else {
        out.add(text, otherSpans[o], otherSpans[o + 1]);
        o += 2;
      }
    }
    return out.encoding();
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
