package org.tokenometry.udfs.tokenizers.pure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a tokenizer.json pre_tokenizer to hand-written scanners. Only regexes this package implements
 * exactly are accepted; anything else is refused so the caller can use the reference engine.
 */
final class PreTokenizers {
  private PreTokenizers() {}

  static Splitter[] of(JsonNode node) {
    List<Splitter> out = new ArrayList<>();
    boolean byteLevel = add(node, out);
    if (!byteLevel) {
      throw Unsupported.feature("pre_tokenizer without ByteLevel");
    }
    return out.toArray(new Splitter[0]);
  }

  /** Appends the splitters of node; returns true when node is or ends with the ByteLevel step. */
  private static boolean add(JsonNode node, List<Splitter> out) {
    String type = node.path("type").asText("");
    switch (type) {
      case "Sequence" -> {
        boolean byteLevel = false;
        for (JsonNode step : node.path("pretokenizers")) {
          if (byteLevel) {
            throw Unsupported.feature("pre_tokenizer step after ByteLevel");
          }
          byteLevel = add(step, out);
        }
        return byteLevel;
      }
      case "ByteLevel" -> {
        if (node.path("add_prefix_space").asBoolean(false)) {
          throw Unsupported.feature("ByteLevel add_prefix_space");
        }
        if (node.path("use_regex").asBoolean(true)) {
          out.add(new Gpt2Scanner());
        }
        return true;
      }
      case "Split" -> {
        out.add(split(node));
        return false;
      }
      default -> throw Unsupported.feature("pre_tokenizer " + (type.isEmpty() ? "(untyped)" : type));
    }
  }

  private static Splitter split(JsonNode node) {
    String regex = node.path("pattern").path("Regex").asText(null);
    if (regex == null) {
      throw Unsupported.feature("Split on a String pattern");
    }
    String behavior = node.path("behavior").asText("");
    boolean invert = node.path("invert").asBoolean(false);
    boolean keepGaps;
    if (behavior.equals("Isolated") && !invert) {
      keepGaps = true;
    } else if (behavior.equals("Removed") && invert) {
      keepGaps = false; // the matches are the pieces; text between them is dropped
    } else {
      throw Unsupported.feature("Split behavior " + behavior + (invert ? " inverted" : ""));
    }
    if (regex.equals(Cl100kScanner.CL100K)) {
      return new Cl100kScanner(3, keepGaps);
    }
    if (regex.equals(Cl100kScanner.QWEN)) {
      return new Cl100kScanner(1, keepGaps);
    }
    if (regex.equals(O200kScanner.PATTERN)) {
      return new O200kScanner(keepGaps);
    }
    if (keepGaps && regex.equals(DeepSeekScanners.DIGITS)) {
      return new DeepSeekScanners.Digits();
    }
    if (keepGaps && regex.equals(DeepSeekScanners.CJK)) {
      return new DeepSeekScanners.Cjk();
    }
    if (keepGaps && regex.equals(DeepSeekScanners.WORDS)) {
      return new DeepSeekScanners.Words();
    }
    throw Unsupported.feature("Split regex " + regex);
  }
}
