package org.tokenometry.udfs.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tokenometry.udfs.text.TextSegmenter;

/**
 * Picks the phrase of a sentence a question should ask about: the best run of up to three adjacent content
 * words (ICU words, so it works for scripts without spaces too), scored by length, capitals and digits (a run never mixes capitalised and
 * lower-case words), which
 * favours names, figures and compound nouns over function words. The stop list is English only; for other
 * languages length alone decides, which still prefers content words.
 */
public final class KeyPhrases {
  private static final Set<String> STOP = Set.of(
      "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
      "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "it",
      "its", "this", "that", "these", "those", "which", "who", "whom", "whose", "what", "when", "where", "why",
      "how", "we", "our", "us", "you", "your", "they", "their", "them", "he", "she", "his", "her", "i", "my",
      "me", "not", "no", "so", "than", "then", "there", "here", "such", "also", "may", "might", "can", "could",
      "will", "would", "shall", "should", "must", "into", "onto", "over", "under", "about", "after", "before",
      "between", "during", "through", "other", "any", "all", "each", "some", "more", "most", "very", "only",
      "own", "same", "both", "few", "many", "much", "one", "per", "upon", "within", "without", "while", "s");

  private static final int MAX_WORDS = 3;

  private KeyPhrases() {}

  /** Candidate phrases of {@code sentence}, best first (at most {@code limit}). */
  public static List<String> rank(String sentence, int limit) {
    int[] w = TextSegmenter.wordSpans(sentence);
    List<int[]> runs = new ArrayList<>(); // [startWord, endWord) of adjacent content words
    int runStart = -1;
    for (int i = 0; i < w.length / 2; i++) {
      String word = sentence.substring(w[2 * i], w[2 * i + 1]);
      boolean content = !STOP.contains(word.toLowerCase(Locale.ROOT)) && word.codePoints().anyMatch(
          Character::isLetterOrDigit);
      boolean adjacent = i > 0 && onlySpaceOrHyphen(sentence, w[2 * i - 1], w[2 * i]);
      // a name ("Federal Reserve") does not run on into the lower-case verb after it
      boolean sameCase = runStart >= 0 && capitalised(word) == capitalised(sentence.substring(w[2 * runStart],
          w[2 * runStart + 1]));
      if (content && runStart >= 0 && adjacent && sameCase && i - runStart < MAX_WORDS) {
        continue;
      }
      if (runStart >= 0) {
        runs.add(new int[] {runStart, i});
        runStart = -1;
      }
      if (content) {
        runStart = i;
      }
    }
    if (runStart >= 0) {
      runs.add(new int[] {runStart, w.length / 2});
    }
    List<Scored> scored = new ArrayList<>();
    for (int[] r : runs) {
      String phrase = sentence.substring(w[2 * r[0]], w[2 * (r[1] - 1) + 1]);
      scored.add(new Scored(phrase, score(phrase, r[1] - r[0])));
    }
    // stable sort: equal scores keep sentence order, so the result is deterministic
    scored.sort((a, b) -> Double.compare(b.score, a.score));
    List<String> out = new ArrayList<>();
    for (Scored s : scored) {
      if (out.size() == limit) {
        break;
      }
      if (!out.contains(s.phrase)) {
        out.add(s.phrase);
      }
    }
    return out;
  }

  private record Scored(String phrase, double score) {}

  private static double score(String phrase, int words) {
    double s = Math.min(phrase.codePointCount(0, phrase.length()), 40) + 2.0 * (words - 1);
    if (Character.isUpperCase(phrase.codePointAt(0))) {
      s += 10; // names are what questions are usually about
    }
    if (phrase.chars().anyMatch(Character::isDigit)) {
      s += 2;
    }
    return s;
  }

  private static boolean capitalised(String word) {
    return Character.isUpperCase(word.codePointAt(0));
  }

  private static boolean onlySpaceOrHyphen(String s, int from, int to) {
    if (to - from > 2) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '-') {
        return false;
      }
    }
    return true;
  }
}
