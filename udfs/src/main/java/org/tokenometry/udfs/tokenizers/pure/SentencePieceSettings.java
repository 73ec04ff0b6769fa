package org.tokenometry.udfs.tokenizers.pure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The normalizer and pre-tokenizer settings a SentencePiece-style BPE file may have, read or refused. */
final class SentencePieceSettings {
  private SentencePieceSettings() {}

  /** {prepended code point or -1, code point replacing spaces}; only Prepend + Replace(" ") are accepted. */
  static int[] normalizer(JsonNode n) {
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
    return new int[] {prepend, space};
  }

  private static boolean single(String s) {
    return !s.isEmpty() && s.codePointCount(0, s.length()) == 1;
  }

  /** Splitting on " " after every space was replaced splits nothing; anything else is refused. */
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
