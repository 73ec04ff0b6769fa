package org.tokenometry.udfs.qa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.tokenometry.udfs.text.CodePointOffsets;
import org.tokenometry.udfs.text.TextSegmenter;

/**
 * Offline question generator: no model, deterministic for a seed. For each question it picks an anchor
 * sentence, a window of text after it, one to five sentences of that window (so references are often
 * discontinuous) and asks about the key phrase of each chosen sentence. References are exact sentence spans,
 * so their offsets are right by construction. Sentences are ICU sentences (CJK full stops included).
 */
public final class ExtractiveQuestionGenerator {
  /**
   * @param questionsPerDocument questions to try to produce per document (fewer when it has few sentences)
   * @param windowChars how far after the anchor sentence further references may lie (UTF-16 chars)
   * @param maxReferences at most this many references per question (1..5)
   * @param minSentenceChars shortest sentence worth asking about
   * @param maxSentenceChars longest (longer ones are usually tables or run-on boilerplate)
   */
  public record Settings(int questionsPerDocument, int windowChars, int maxReferences, int minSentenceChars,
      int maxSentenceChars) {
    public Settings {
      if (maxReferences < 1 || maxReferences > 5) {
        throw new IllegalArgumentException("max references must be 1..5, got " + maxReferences);
      }
      if (questionsPerDocument < 0 || windowChars < 1 || minSentenceChars < 1
          || maxSentenceChars < minSentenceChars) {
        throw new IllegalArgumentException("invalid extractive settings " + this);
      }
    }

    public static Settings defaults() {
      return new Settings(5, 2000, 5, 40, 400);
    }
  }

  private static final String[] ONE = {
      "What does the text say about %s?",
      "What is stated about %s?",
      "What information is given regarding %s?",
  };
  private static final String[] MANY = {
      "What does the text say about %s?",
      "What is stated about %s?",
      "How does the text describe %s?",
  };

  private final Settings settings;

  public ExtractiveQuestionGenerator(Settings settings) {
    this.settings = settings;
  }

  public List<GeneratedQuestion> generate(String docId, String text, long seed) {
    int[] spans = eligibleSentences(text);
    int n = spans.length / 2;
    List<GeneratedQuestion> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    // String.hashCode is specified, so the stream of choices depends only on seed and doc id
    Random rnd = new Random(seed * 31 + docId.hashCode());
    CodePointOffsets cps = CodePointOffsets.of(text);
    Set<Integer> used = new HashSet<>();
    Set<String> asked = new HashSet<>();
    int attempts = settings.questionsPerDocument() * 4;
    for (int a = 0; a < attempts && out.size() < settings.questionsPerDocument(); a++) {
      int anchor = rnd.nextInt(n);
      if (used.contains(anchor)) {
        continue;
      }
      List<Integer> window = new ArrayList<>();
      for (int i = anchor + 1; i < n && spans[2 * i + 1] - spans[2 * anchor] <= settings.windowChars(); i++) {
        if (!used.contains(i)) {
          window.add(i);
        }
      }
      int k = 1 + rnd.nextInt(Math.min(settings.maxReferences(), window.size() + 1));
      TreeSet<Integer> chosen = new TreeSet<>();
      chosen.add(anchor);
      while (chosen.size() < k) {
        chosen.add(window.remove(rnd.nextInt(window.size())));
      }
      List<String> phrases = new ArrayList<>();
      for (int i : chosen) {
        String sentence = text.substring(spans[2 * i], spans[2 * i + 1]);
        String phrase = null;
        for (String p : KeyPhrases.rank(sentence, 4)) {
          if (!phrases.contains(p)) {
            phrase = p;
            break;
          }
        }
        if (phrase == null) {
          break;
        }
        phrases.add(phrase);
      }
      if (phrases.size() < chosen.size()) {
        continue;
      }
      String[] templates = chosen.size() == 1 ? ONE : MANY;
      String question = String.format(templates[rnd.nextInt(templates.length)], joinList(phrases));
      if (!asked.add(question)) {
        continue;
      }
      List<Reference> refs = new ArrayList<>();
      for (int i : chosen) {
        int s = spans[2 * i];
        int e = spans[2 * i + 1];
        refs.add(new Reference(docId, cps.toCodePoint(s), cps.toCodePoint(e), text.substring(s, e)));
      }
      used.addAll(chosen);
      out.add(new GeneratedQuestion(question, refs));
    }
    return out;
  }

  /** Trimmed ICU sentences of usable length that are mostly letters (not table rows or page furniture). */
  int[] eligibleSentences(String text) {
    int[] all = ExcerptAligner.trimmedSentences(text);
    int[] out = new int[all.length];
    int k = 0;
    for (int i = 0; i < all.length; i += 2) {
      int len = all[i + 1] - all[i];
      if (len < settings.minSentenceChars() || len > settings.maxSentenceChars()) {
        continue;
      }
      String s = text.substring(all[i], all[i + 1]);
      long letters = s.codePoints().filter(Character::isLetter).count();
      long cps = s.codePoints().filter(c -> !Character.isWhitespace(c)).count();
      if (letters * 10 < cps * 7 || TextSegmenter.countWords(s) < 4) {
        continue;
      }
      out[k++] = all[i];
      out[k++] = all[i + 1];
    }
    return java.util.Arrays.copyOf(out, k);
  }

  private static String joinList(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
