package org.tokenometry.udfs.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;

/**
 * ICU word and sentence segmentation (root locale; ICU applies dictionary segmentation to Thai, Lao, Khmer,
 * Myanmar, Chinese and Japanese). Spans are flattened {@code [start0, end0, start1, end1, ...]} in UTF-16
 * indices. BreakIterators are not thread-safe, so each thread keeps its own.
 */
public final class TextSegmenter {
  private static final ThreadLocal<BreakIterator> WORDS =
      ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));
  private static final ThreadLocal<BreakIterator> SENTENCES =
      ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(ULocale.ROOT));

  private TextSegmenter() {}

  /** Word segments whose rule status is not WORD_NONE (letters, numbers, kana, ideographs). */
  public static int[] wordSpans(String text) {
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

  /** Sentence segments (ICU sentence rules, which include CJK full stops). */
  public static int[] sentenceSpans(String text) {
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

  public static int countWords(String text) {
    return wordSpans(text).length / 2;
  }

  /** Sentences that contain something other than whitespace. */
  public static int countSentences(String text) {
    int[] s = sentenceSpans(text);
    int n = 0;
    for (int i = 0; i < s.length; i += 2) {
      if (!text.substring(s[i], s[i + 1]).isBlank()) {
        n++;
      }
    }
    return n;
  }
}
