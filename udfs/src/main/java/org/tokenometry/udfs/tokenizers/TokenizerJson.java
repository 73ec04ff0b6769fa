package org.tokenometry.udfs.tokenizers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a tokenizer.json says about its vocabulary, read the same way for every engine so that vocabulary size,
 * special ids and token strings agree whichever engine encodes: pieces by id (model vocab plus added tokens),
 * special ids, the unknown id and the word-boundary marker.
 */
public record TokenizerJson(Vocabulary vocabulary, int unkId) {
  public static TokenizerJson read(TokenizerJsonFile file) {
    JsonNode root = file.root();
    JsonNode model = root.path("model");
    JsonNode vocabNode = model.path("vocab");
    VocabIds vocabObject = file.vocab(); // the vocab when it is an object, in the file's order
    JsonNode addedTokens = root.path("added_tokens");
    // pieces by id: the model's in the file's order, then the added tokens, a later piece for an id replacing an
    // earlier one; sized one past the largest id (an array, not a map of boxed ids: 262k entries per load)
    int maxId = vocabNode.isArray() ? vocabNode.size() - 1 : -1;
    for (int k = 0; vocabObject != null && k < vocabObject.size(); k++) {
      maxId = Math.max(maxId, vocabObject.idAt(k));
    }
    for (JsonNode added : addedTokens) {
      maxId = Math.max(maxId, added.path("id").asInt());
    }
    String[] pieces = new String[maxId + 1];
    int size = pieces.length;
    if (vocabObject != null) {
      for (int k = 0; k < vocabObject.size(); k++) {
        pieces[vocabObject.idAt(k)] = vocabObject.pieceAt(k);
      }
    } else if (vocabNode.isArray()) { // Unigram: [[piece, score], ...]
      for (int i = 0; i < vocabNode.size(); i++) {
        pieces[i] = vocabNode.get(i).get(0).asText();
      }
    }
    boolean[] special = new boolean[size];
    for (JsonNode added : addedTokens) {
      int id = added.path("id").asInt();
      pieces[id] = added.path("content").asText();
      if (added.path("special").asBoolean(false)) {
        special[id] = true;
      }
    }
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
