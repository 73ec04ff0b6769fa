package org.tokenometry.udfs.text;

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
    for (int i = 0, n = text.length(); i < n; i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
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
