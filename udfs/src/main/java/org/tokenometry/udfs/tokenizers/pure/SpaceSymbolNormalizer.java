package org.tokenometry.udfs.tokenizers.pure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The normalizer of SentencePiece-style tokenizer.json files: optionally Prepend a symbol (U+2581) to each
 * non-empty segment, then Replace every space with a symbol (U+2581). Anything else is refused at load.
 */
final class SpaceSymbolNormalizer {
  /** Code point prepended to each non-empty segment, or -1. */
  final int prepend;
  /** Code point every space becomes. */
  final int space;

  private SpaceSymbolNormalizer(int prepend, int space) {
    this.prepend = prepend;
    this.space = space;
  }

  /** Only Prepend (at most once, first) and Replace(" ") are accepted. */
  static SpaceSymbolNormalizer of(JsonNode n) {
    List<JsonNode> steps = new ArrayList<>();
    if (n.path("type").asText("").equals("Sequence")) {
      n.path("normalizers").forEach(steps::add);
    } else if (!n.isNull() && !n.isMissingNode()) {
      steps.add(n);
    }
    int prepend = -1;
    int space = -1;
    for (JsonNode s : steps) {
      String type = s.path("type").asText("");
      if (type.equals("Prepend") && space < 0 && prepend < 0 && single(s.path("prepend").asText(""))) {
        prepend = s.path("prepend").asText().codePointAt(0);
      } else if (type.equals("Replace") && s.path("pattern").path("String").asText("").equals(" ")
          && single(s.path("content").asText("")) && space < 0) {
        space = s.path("content").asText().codePointAt(0);
      } else {
        throw Unsupported.feature("normalizer " + type + " in this position");
      }
    }
    if (space < 0) {
      throw Unsupported.feature("character BPE without the Replace(' ') normalizer");
    }
    return new SpaceSymbolNormalizer(prepend, space);
  }

  private static boolean single(String s) {
    return !s.isEmpty() && s.codePointCount(0, s.length()) == 1;
  }

  /**
   * Normalizes text[from, to) (non-empty) into {@code norm}: the prepended symbol when {@code segmentStart} (not
   * where a long text's piece continues a segment), then spaces replaced.
   */
  void normalize(String text, int from, int to, boolean segmentStart, Normalized norm) {
    norm.clear();
    if (prepend >= 0 && segmentStart) {
      norm.add(prepend, from, from + Character.charCount(text.codePointAt(from)));
    }
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      norm.add(cp == ' ' ? space : cp, i, next);
      i = next;
    }
  }

  /** Splitting on " " after every space was replaced splits nothing; any other pre-tokenizer is refused. */
  static void checkPreTokenizer(JsonNode p) {
    if (p.isNull() || p.isMissingNode()) {
      return;
    }
    if (p.path("type").asText("").equals("Split") && p.path("pattern").path("String").asText("").equals(" ")) {
      return;
    }
    throw Unsupported.feature("pre_tokenizer " + p.path("type").asText("(untyped)") + " with character BPE");
  }
}
