package org.tokenometry.udfs.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a model's answer {@code {"question": ..., "references": [{"content": ...}, ...]}}. Reasoning models
 * prefix their answer with {@code <think>...</think>} (some servers drop the opening tag), and many wrap JSON
 * in a markdown fence; both are removed before parsing.
 */
public final class LlmResponseParser {
  /** The question and the excerpts the model quoted, in its order. */
  public record Parsed(String question, List<String> excerpts) {}

  public static final int MAX_REFERENCES = 5;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern THINK = Pattern.compile("<think>.*?</think>", Pattern.DOTALL);

  private LlmResponseParser() {}

  public static String stripThinking(String content) {
    String s = THINK.matcher(content).replaceAll("");
    int close = s.lastIndexOf("</think>");
    if (close >= 0) {
      s = s.substring(close + "</think>".length());
    }
    return s.strip();
  }

  public static Parsed parse(String content) throws GenerationRejected {
    if (content == null) {
      throw new GenerationRejected("malformed_json", "empty answer");
    }
    String s = stripThinking(content);
    if (s.contains("<think>")) {
      throw new GenerationRejected("unterminated_think", "the answer has <think> but no </think>");
    }
    int open = s.indexOf('{');
    int close = s.lastIndexOf('}');
    if (open < 0 || close < open) {
      throw new GenerationRejected("malformed_json", "no JSON object in the answer");
    }
    JsonNode obj;
    try {
      obj = JSON.readTree(s.substring(open, close + 1));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new GenerationRejected("malformed_json", e.getOriginalMessage());
    }
    JsonNode q = obj.get("question");
    if (q == null || !q.isTextual() || q.asText().isBlank()) {
      throw new GenerationRejected("missing_question", "no non-empty 'question' string");
    }
    JsonNode refs = obj.get("references");
    if (refs == null || !refs.isArray() || refs.isEmpty()) {
      throw new GenerationRejected("no_references", "no non-empty 'references' list");
    }
    if (refs.size() > MAX_REFERENCES) {
      throw new GenerationRejected("too_many_references", refs.size() + " references (at most "
          + MAX_REFERENCES + ")");
    }
    List<String> excerpts = new ArrayList<>();
    for (JsonNode r : refs) {
      JsonNode c = r.isTextual() ? r : r.get("content");
      if (c == null || !c.isTextual() || c.asText().isBlank()) {
        throw new GenerationRejected("malformed_json", "a reference without 'content' text: " + r);
      }
      excerpts.add(c.asText());
    }
    return new Parsed(q.asText().strip(), excerpts);
  }
}
