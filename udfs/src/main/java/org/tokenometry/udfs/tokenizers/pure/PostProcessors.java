package org.tokenometry.udfs.tokenizers.pure;

import com.fasterxml.jackson.databind.JsonNode;

/** The tokenizer.json post-processors the BPE engines accept: none, or ones that change nothing they report. */
final class PostProcessors {
  private PostProcessors() {}

  static void check(JsonNode p) {
    if (p.isNull() || p.isMissingNode()) {
      return;
    }
    String type = p.path("type").asText("");
    // the ByteLevel post-processor moves offsets only when it trims them
    if (type.equals("ByteLevel") && !p.path("trim_offsets").asBoolean(true)) {
      return;
    }
    if (type.equals("TemplateProcessing")) {
      return; // adds special tokens only when asked to, which this project never does
    }
    throw Unsupported.feature("post_processor " + type + (type.equals("ByteLevel") ? " with trim_offsets" : ""));
  }
}
