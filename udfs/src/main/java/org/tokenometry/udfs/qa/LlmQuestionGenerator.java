package org.tokenometry.udfs.qa;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tokenometry.udfs.text.CodePointOffsets;

/**
 * Asks a chat model for questions about windows of a document. Each answer's excerpts are aligned inside the
 * window the model was shown (never elsewhere in the document); offsets are window start + local offset for
 * every reference alike. One excerpt that cannot be aligned rejects the whole question, counted by reason.
 * Windows depend only on the seed and document id, so a rerun sends the same prompts and hits the cache.
 */
public final class LlmQuestionGenerator {
  /** @param questionsPerDocument questions (attempts) per document */
  public record Settings(int questionsPerDocument, int windowChars, int fuzzyThreshold) {}

  /** What one document yielded: accepted questions and rejected attempts by reason. */
  public record Result(List<GeneratedQuestion> questions, Map<String, Integer> rejected) {}

  static final String SYSTEM_PROMPT = String.join("\n",
      "You write questions for evaluating retrieval over a document.",
      "Given a passage, write ONE question that can be answered from the passage alone, and quote the",
      "passage's sentences that answer it. Quote them exactly, character for character, as short as possible",
      "(one to five excerpts). Do not repeat or paraphrase earlier questions.",
      "Answer with JSON only: {\"question\": \"...\", \"references\": [{\"content\": \"exact excerpt\"}]}");

  private static final int PREVIOUS_QUESTIONS = 20;

  private final ChatCompletionsClient client;
  private final Settings settings;
  private final ExcerptAligner aligner;

  public LlmQuestionGenerator(ChatCompletionsClient client, Settings settings) {
    this.client = client;
    this.settings = settings;
    this.aligner = new ExcerptAligner(settings.fuzzyThreshold());
  }

  /**
   * Asks {@code questionsPerDocument} times. A refused or unreachable endpoint stops the generation (not only
   * this document): every later request would meet it too.
   */
  public Result generate(String docId, String text, long seed) throws InterruptedException, LlmGenerationFailure {
    Random rnd = new Random(seed * 31 + docId.hashCode());
    CodePointOffsets cps = CodePointOffsets.of(text);
    List<GeneratedQuestion> out = new ArrayList<>();
    Map<String, Integer> rejected = new LinkedHashMap<>();
    List<String> asked = new ArrayList<>();
    for (int i = 0; i < settings.questionsPerDocument(); i++) {
      int start = windowStart(text, rnd);
      int end = Math.min(text.length(), start + settings.windowChars());
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      String window = text.substring(start, end);
      try {
        GeneratedQuestion q = ask(docId, text, cps, start, window, asked);
        asked.add(q.question());
        out.add(q);
      } catch (GenerationRejected e) {
        rejected.merge(e.reason(), 1, Integer::sum);
      }
    }
    return new Result(out, rejected);
  }

  private int windowStart(String text, Random rnd) {
    int room = text.length() - settings.windowChars();
    int start = room > 0 ? rnd.nextInt(room + 1) : 0;
    if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
      start--; // never split a surrogate pair
    }
    return start;
  }

  private GeneratedQuestion ask(String docId, String text, CodePointOffsets cps, int windowStart, String window,
      List<String> asked) throws GenerationRejected, InterruptedException, LlmGenerationFailure {
    List<ChatCompletionsClient.Message> prompt = List.of(
        new ChatCompletionsClient.Message("system", SYSTEM_PROMPT),
        new ChatCompletionsClient.Message("user", userPrompt(window, asked)));
    try {
      // the checks run before the answer is cached, so a rejected answer is asked again, never replayed
      return client.complete(prompt, answer -> question(answer, docId, text, cps, windowStart, window, asked));
    } catch (IOException e) {
      throw new GenerationRejected("request_failed", e.getMessage());
    }
  }

  /** The answer as a question with aligned references, or the reason it cannot be one. */
  private GeneratedQuestion question(String answer, String docId, String text, CodePointOffsets cps,
      int windowStart, String window, List<String> asked) throws GenerationRejected {
    LlmResponseParser.Parsed parsed = LlmResponseParser.parse(answer);
    if (asked.stream().anyMatch(a -> a.equalsIgnoreCase(parsed.question()))) {
      throw new GenerationRejected("duplicate_question", parsed.question());
    }
    List<Reference> refs = new ArrayList<>();
    for (String excerpt : parsed.excerpts()) {
      Optional<ExcerptAligner.Alignment> a = aligner.align(window, excerpt);
      if (a.isEmpty()) {
        throw new GenerationRejected("excerpt_not_found", excerpt);
      }
      int s = windowStart + a.get().start();
      int e = windowStart + a.get().end();
      refs.add(new Reference(docId, cps.toCodePoint(s), cps.toCodePoint(e), text.substring(s, e)));
    }
    refs.sort((x, y) -> Integer.compare(x.start(), y.start()));
    return new GeneratedQuestion(parsed.question(), refs);
  }

  static String userPrompt(String window, List<String> asked) {
    StringBuilder sb = new StringBuilder("Passage:\n<passage>\n").append(window).append("\n</passage>\n");
    if (!asked.isEmpty()) {
      sb.append("\nEarlier questions (ask something different):\n");
      for (String q : asked.subList(Math.max(0, asked.size() - PREVIOUS_QUESTIONS), asked.size())) {
        sb.append("- ").append(q).append('\n');
      }
    }
    return sb.toString();
  }
}
