package org.tokenometry.udfs.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;

/**
 * ICU word and sentence segmentation (root locale; ICU applies dictionary segmentation to Thai, Lao, Khmer,
 * Myanmar, Chinese and Japanese). Spans are flattened {@code [start0, end0, start1, end1, ...]} in UTF-16
 * indices. BreakIterators are not thread-safe, so each thread keeps its own.
 *
 * <p>ICU is the definition. Pure-ASCII text (most English and domain text) takes an exact hand-written path,
 * {@link AsciiWordSegmenter} and {@link AsciiSentenceSegmenter}, several times faster than a BreakIterator;
 * tests check it against ICU on random and reference text.
 */
public final class TextSegmenter {
  private static final ThreadLocal<BreakIterator> WORDS =
      ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));
  private static final ThreadLocal<BreakIterator> SENTENCES =
      ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(ULocale.ROOT));

  private TextSegmenter() {}

  /** Word segments whose rule status is not WORD_NONE (letters, numbers, kana, ideographs). */
  public static int[] wordSpans(String text) {
    return isAscii(text) ? AsciiWordSegmenter.wordSpans(text) : icuWordSpans(text);
  }

  /**
   * ICU's word segmentation of a text in one walk: {word spans, spans of the other segments that are not all
   * whitespace (punctuation, symbols)}. Together they are the {@code words} baseline's tokens, so the pass
   * segments a document once for the metrics and that baseline alike.
   */
  public static int[][] segments(String text) {
    BreakIterator it = WORDS.get();
    it.setText(text);
    int[] words = new int[16];
    int[] others = new int[16];
    int w = 0;
    int o = 0;
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      if (it.getRuleStatus() != BreakIterator.WORD_NONE) {
        if (w + 2 > words.length) {
          words = Arrays.copyOf(words, words.length * 2);
        }
        words[w++] = start;
        words[w++] = end;
      } else if (!isUBlank(text, start, end)) {
        if (o + 2 > others.length) {
          others = Arrays.copyOf(others, others.length * 2);
        }
        others[o++] = start;
        others[o++] = end;
      }
    }
    return new int[][] {Arrays.copyOf(words, w), Arrays.copyOf(others, o)};
  }

  /** Whether text[from, to) is all Unicode White_Space. */
  private static boolean isUBlank(String text, int from, int to) {
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      if (!UCharacter.isUWhiteSpace(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Sentence segments (ICU sentence rules, which include CJK full stops). */
  public static int[] sentenceSpans(String text) {
    return isAscii(text) ? AsciiSentenceSegmenter.sentenceSpans(text) : icuSentenceSpans(text);
  }

  public static int countWords(String text) {
    return wordSpans(text).length / 2;
  }

  /** Sentences that contain something other than whitespace. */
  public static int countSentences(String text) {
    return isAscii(text) ? AsciiSentenceSegmenter.countSentences(text) : countNonBlank(text, icuSentenceSpans(text));
  }

  /** True when every char is below U+0080, so the ASCII segmenters apply. */
  public static boolean isAscii(String text) {
    return isAscii(text, 0, text.length());
  }

  /** True when every char of {@code text[from, to)} is below U+0080. */
  public static boolean isAscii(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #countSentences} of a long text in constant memory: ICU's iterator walks the string in place (no
   * copy, no span array, no substring per sentence). The ASCII path gives the same answer (it equals ICU).
   */
  public static long countSentencesStreaming(String text) {
    BreakIterator it = SENTENCES.get();
    it.setText(text);
    long n = 0;
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      if (!isBlank(text, start, end)) {
        n++;
      }
    }
    it.setText(""); // the thread's iterator must not keep a long text alive
    return n;
  }

  private static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      if (!Character.isWhitespace(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /**
   * Whether a long text may be cut before {@code at} for word segmentation: the word spans of {@code
   * text[..at)} and {@code text[at..)}, each segmented alone, are exactly those of the whole. True before a space
   * or line feed that follows a letter, and after a line feed that a letter follows. UAX #29 always breaks there
   * (WB3a after and WB3b before a line feed; before a space only WB3d joins, space to space), and no rule decides
   * a boundary on either side by looking across (the look-behind and look-ahead rules WB6/7 and WB11/12 need a
   * MidLetter or MidNum next to the boundary, and neither a letter nor a line feed is one; a run of regional
   * indicators or of dictionary characters ends at the space or line feed). Checked on every FLORES language and
   * the domain corpora ({@code LongDocumentReferenceTest}).
   */
  public static boolean isCut(String text, int at) {
    if (at <= 0 || at >= text.length()) {
      return false;
    }
    char c = text.charAt(at);
    if (c == ' ' || c == '\n') {
      return UCharacter.isLetter(text.codePointBefore(at));
    }
    return text.charAt(at - 1) == '\n' && UCharacter.isLetter(text.codePointAt(at));
  }

  static int[] icuWordSpans(String text) {
    BreakIterator it = WORDS.get();
    it.setText(text);
    int[] out = new int[16];
    int n = 0;
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      if (it.getRuleStatus() != BreakIterator.WORD_NONE) {
        if (n + 2 > out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        out[n++] = start;
        out[n++] = end;
      }
    }
    return Arrays.copyOf(out, n);
  }

  static int[] icuSentenceSpans(String text) {
    BreakIterator it = SENTENCES.get();
    it.setText(text);
    int[] out = new int[16];
    int n = 0;
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      if (n + 2 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[n++] = start;
      out[n++] = end;
    }
    return Arrays.copyOf(out, n);
  }

  static int icuCountSentences(String text) {
    return countNonBlank(text, icuSentenceSpans(text));
  }

  private static int countNonBlank(String text, int[] spans) {
    int n = 0;
    for (int i = 0; i < spans.length; i += 2) {
      if (!text.substring(spans[i], spans[i + 1]).isBlank()) {
        n++;
      }
    }
    return n;
  }
}
