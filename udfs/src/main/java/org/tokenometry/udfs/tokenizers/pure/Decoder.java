package org.tokenometry.udfs.tokenizers.pure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A tokenizer.json {@code decoder}, as the Hugging Face engine (tokenizers 0.21) runs it: each step maps the list
 * of token strings to a new list ({@link #decodeChain}); the text is the final list joined. Without a decoder the
 * engine joins the pieces with single spaces. Steps the Java engines do not implement are refused at load.
 */
interface Decoder {
  List<String> decodeChain(List<String> tokens);

  default String decode(List<String> tokens) {
    return String.join("", decodeChain(tokens));
  }

  /** The decoder a tokenizer.json's {@code decoder} node describes. */
  static Decoder of(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return tokens -> List.of(String.join(" ", tokens));
    }
    String type = node.path("type").asText("");
    return switch (type) {
      case "ByteLevel" -> new ByteLevelDecoder();
      case "ByteFallback" -> new ByteFallbackDecoder();
      case "WordPiece" -> new WordPieceDecoder(node.path("prefix").asText("##"), node.path("cleanup").asBoolean(true));
      case "Fuse" -> tokens -> List.of(String.join("", tokens));
      case "Replace" -> replace(node);
      case "Strip" -> strip(node);
      case "Sequence" -> {
        List<Decoder> steps = new ArrayList<>();
        node.path("decoders").forEach(step -> steps.add(of(step)));
        yield tokens -> {
          for (Decoder d : steps) {
            tokens = d.decodeChain(tokens);
          }
          return tokens;
        };
      }
      default -> throw Unsupported.feature("decoder " + (type.isEmpty() ? "(untyped)" : type));
    };
  }

  /** Replace with a string pattern: every non-overlapping occurrence, left to right, in each token. */
  private static Decoder replace(JsonNode node) {
    JsonNode pattern = node.path("pattern").path("String");
    if (!pattern.isTextual() || pattern.asText().isEmpty()) {
      throw Unsupported.feature("decoder Replace with a pattern that is not a non-empty String");
    }
    String from = pattern.asText();
    String to = node.path("content").asText("");
    return tokens -> tokens.stream().map(t -> t.replace(from, to)).toList();
  }

  /** Strip: removes up to {@code start} leading and {@code stop} trailing {@code content} characters per token. */
  private static Decoder strip(JsonNode node) {
    String content = node.path("content").asText("");
    if (content.codePointCount(0, content.length()) != 1) {
      throw Unsupported.feature("decoder Strip of '" + content + "'");
    }
    int c = content.codePointAt(0);
    int start = node.path("start").asInt(0);
    int stop = node.path("stop").asInt(0);
    return tokens -> tokens.stream().map(t -> strip(t, c, start, stop)).toList();
  }

  private static String strip(String t, int c, int start, int stop) {
    int from = 0;
    for (int k = 0; k < start && from < t.length() && t.codePointAt(from) == c; k++) {
      from += Character.charCount(c);
    }
    int to = t.length();
    for (int k = 0; k < stop && to > from && t.codePointBefore(to) == c; k++) {
      to -= Character.charCount(c);
    }
    return t.substring(from, to);
  }
}
