package org.tokenometry.udfs.qa;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tokenometry.udfs.text.TextSegmenter;

/**
 * Finds an excerpt a model quoted inside the text it was shown, as Chroma's {@code rigorous_document_search}
 * does: exact (after dropping one trailing period), then ignoring whitespace and case, then a fuzzy match
 * against sentences. Unlike Chroma, sentences come from ICU (CJK full stops included), runs of up to five
 * consecutive sentences are candidates, and the offsets are those of the matched span itself, never a
 * re-search with {@code find} that would return an earlier duplicate.
 */
public final class ExcerptAligner {
  /** How an excerpt was found. */
  public enum Method { EXACT, WHITESPACE_CASE, FUZZY }

  /** A match: UTF-16 offsets into the searched text, end exclusive. */
  public record Alignment(int start, int end, Method method) {}

  /** Chroma's threshold for its fuzzy sentence match. */
  public static final int DEFAULT_FUZZY_THRESHOLD = 98;

  private static final int MAX_SENTENCES = 5;

  private final int fuzzyThreshold;

  public ExcerptAligner(int fuzzyThreshold) {
    if (fuzzyThreshold < 1 || fuzzyThreshold > 100) {
      throw new IllegalArgumentException("fuzzy threshold must be 1..100, got " + fuzzyThreshold);
    }
    this.fuzzyThreshold = fuzzyThreshold;
  }

  public ExcerptAligner() {
    this(DEFAULT_FUZZY_THRESHOLD);
  }

  public Optional<Alignment> align(String text, String excerpt) {
    String target = ChromaText.withoutTrailingPeriod(excerpt.strip()).strip();
    if (target.isEmpty()) {
      return Optional.empty();
    }
    int at = text.indexOf(target);
    if (at >= 0) {
      return Optional.of(new Alignment(at, at + target.length(), Method.EXACT));
    }
    Optional<Alignment> loose = ignoringWhitespaceAndCase(text, target);
    if (loose.isPresent()) {
      return loose;
    }
    return fuzzy(text, target);
  }

  private static Optional<Alignment> ignoringWhitespaceAndCase(String text, String target) {
    String[] words = target.split("\\s+");
    StringBuilder regex = new StringBuilder();
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      if (regex.length() > 0) {
        regex.append("\\s*");
      }
      regex.append(Pattern.quote(w));
    }
    Matcher m = Pattern.compile(regex.toString(),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS).matcher(text);
    return m.find() ? Optional.of(new Alignment(m.start(), m.end(), Method.WHITESPACE_CASE)) : Optional.empty();
  }

  private Optional<Alignment> fuzzy(String text, String target) {
    String wanted = TokenSortRatio.process(target);
    int[] spans = trimmedSentences(text);
    int n = spans.length / 2;
    int bestScore = -1;
    Alignment best = null;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < Math.min(n, i + MAX_SENTENCES); j++) {
        int s = spans[2 * i];
        int e = spans[2 * j + 1];
        String candidate = TokenSortRatio.process(text.substring(s, e));
        if (TokenSortRatio.maxRatio(wanted.length(), candidate.length()) < fuzzyThreshold) {
          if (candidate.length() > wanted.length()) {
            break; // longer runs only get worse
          }
          continue;
        }
        int score = TokenSortRatio.ratio(wanted, candidate);
        if (score >= fuzzyThreshold && score > bestScore) {
          bestScore = score;
          best = new Alignment(s, e, Method.FUZZY);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** ICU sentence spans with surrounding whitespace trimmed; blank sentences dropped. */
  static int[] trimmedSentences(String text) {
    int[] raw = TextSegmenter.sentenceSpans(text);
    int[] out = new int[raw.length];
    int k = 0;
    for (int i = 0; i < raw.length; i += 2) {
      int s = raw[i];
      int e = raw[i + 1];
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      if (e > s) {
        out[k++] = s;
        out[k++] = e;
      }
    }
    return java.util.Arrays.copyOf(out, k);
  }
}
