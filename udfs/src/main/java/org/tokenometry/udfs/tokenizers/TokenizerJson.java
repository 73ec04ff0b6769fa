package org.tokenometry.udfs.tokenizers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a tokenizer.json says about its vocabulary, read the same way for every engine so that vocabulary size,
 * special ids and token strings agree whichever engine encodes: pieces by id (model vocab plus added tokens),
 * special ids, the unknown id and the word-boundary marker.
 */
public record TokenizerJson(Vocabulary vocabulary, int unkId) {
  public static TokenizerJson read(TokenizerJsonFile file) {
    JsonNode root = file.root();
    Map<Integer, String> byId = new HashMap<>();
    Set<Integer> specialIds = new HashSet<>();
    JsonNode model = root.path("model");
    JsonNode vocabNode = model.path("vocab");
    VocabIds vocabObject = file.vocab(); // the vocab when it is an object, in the file's order
    if (vocabObject != null) {
      vocabObject.forEach((piece, id) -> byId.put(id, piece));
    } else if (vocabNode.isArray()) { // Unigram: [[piece, score], ...]
      for (int i = 0; i < vocabNode.size(); i++) {
        byId.put(i, vocabNode.get(i).get(0).asText());
      }
    }
    for (JsonNode added : root.path("added_tokens")) {
      int id = added.path("id").asInt();
      byId.put(id, added.path("content").asText());
      if (added.path("special").asBoolean(false)) {
        specialIds.add(id);
      }
    }
    int size = byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    String[] pieces = new String[size];
    byId.forEach((id, s) -> pieces[id] = s);
    int unk = -1;
    JsonNode unkToken = model.path("unk_token");
    if (unkToken.isTextual()) {
      if (vocabObject != null) {
        unk = vocabObject.hasIntId(unkToken.asText()) ? vocabObject.get(unkToken.asText()) : -1;
      } else {
        JsonNode id = vocabNode.path(unkToken.asText());
        unk = id.isInt() ? id.asInt() : -1;
      }
    } else if (model.path("unk_id").isInt()) {
      unk = model.path("unk_id").asInt();
    }
    boolean[] special = new boolean[size];
    specialIds.forEach(i -> special[i] = true);
    if (unk >= 0 && unk < size) {
      special[unk] = true; // a control token in the vocabulary profile; still counted by unk_rate
    }
    return new TokenizerJson(new Vocabulary(pieces, special, marker(root)), unk);
  }

  /** Whether {@code id} is a special (control) token other than the unknown token. */
  public boolean isSpecial(int id) {
    return id != unkId && vocabulary.isSpecial(id);
  }

  /** Reads how the model marks word boundaries from its pipeline (pre-tokenizer, normalizer, decoder). */
  static Vocabulary.Marker marker(JsonNode root) {
    if ("WordPiece".equals(root.path("model").path("type").asText())) {
      return Vocabulary.Marker.WORDPIECE_CONTINUATION;
    }
    String pipeline = root.path("pre_tokenizer").toString() + root.path("normalizer") + root.path("decoder");
    if (pipeline.contains("\"ByteLevel\"")) {
      return Vocabulary.Marker.BYTE_LEVEL_SPACE;
    }
    if (pipeline.contains("\u2581") || pipeline.contains("Metaspace")) {
      return Vocabulary.Marker.METASPACE;
    }
    return Vocabulary.Marker.NONE;
  }

}
