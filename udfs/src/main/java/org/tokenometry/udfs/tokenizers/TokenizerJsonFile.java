package org.tokenometry.udfs.tokenizers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A tokenizer.json as read once for every engine: the JSON tree, except the model's vocab object and merges
 * array, which are read straight off the parser into a {@link VocabIds} and a {@link MergeList}. They are nearly
 * all of a large file, and their tree (a map entry and a node per piece, one or three nodes per merge) cost more
 * than the rest of a load. Anything else, or a vocab or merges of another JSON type, stays in the tree.
 */
public final class TokenizerJsonFile {
  // Field names neither interned nor canonicalized: a vocabulary is one object with up to 262k distinct field
  // names, and putting each through String.intern and Jackson's symbol table (shared by all threads) cost more
  // than building the tree.
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
      .build());

  private final JsonNode root;
  private VocabIds vocab;
  private MergeList merges;

  private TokenizerJsonFile(JsonNode root, VocabIds vocab, MergeList merges) {
    this.root = root;
    this.vocab = vocab;
    this.merges = merges;
  }

  public static TokenizerJsonFile read(Path tokenizerJson) throws IOException {
    try (JsonParser p = MAPPER.createParser(tokenizerJson.toFile())) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) { // what readTree makes of it: an empty file is a missing node
        return new TokenizerJsonFile(first == null ? MAPPER.missingNode() : tree(p), null, null);
      }
      TokenizerJsonFile file = new TokenizerJsonFile(MAPPER.createObjectNode(), null, null);
      ObjectNode root = (ObjectNode) file.root;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() == JsonToken.START_OBJECT && name.equals("model")) {
          root.replace(name, file.readModel(p));
        } else {
          root.replace(name, tree(p));
        }
      }
      return file;
    }
  }

  /** The tree of the value at the parser's current token, as ObjectMapper.readTree builds it. */
  private static JsonNode tree(JsonParser p) throws IOException {
    JsonNode n = MAPPER.readTree(p);
    return n != null ? n : MAPPER.nullNode();
  }

  /** The model object without its vocab object and merges array, which go to {@link #vocab} and {@link #merges}. */
  private ObjectNode readModel(JsonParser p) throws IOException {
    vocab = null; // a model listed twice: the last one counts, as in a tree
    merges = null;
    ObjectNode model = MAPPER.createObjectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("vocab") && t == JsonToken.START_OBJECT) {
        model.remove(name);
        vocab = readVocab(p);
      } else if (name.equals("merges") && t == JsonToken.START_ARRAY) {
        model.remove(name);
        merges = readMerges(p);
      } else {
        if (name.equals("vocab")) {
          vocab = null;
        } else if (name.equals("merges")) {
          merges = null;
        }
        model.replace(name, tree(p));
      }
    }
    return model;
  }

  private static VocabIds readVocab(JsonParser p) throws IOException {
    VocabIds v = new VocabIds(1 << 12);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String piece = p.currentName();
      if (p.nextToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
        v.put(piece, p.getIntValue(), true);
      } else { // whatever the tree makes of it: asInt() as the engines read ids, isInt() as TokenizerJson does
        JsonNode id = tree(p);
        v.put(piece, id.asInt(), id.isInt());
      }
    }
    return v;
  }

  private static MergeList readMerges(JsonParser p) throws IOException {
    MergeList list = new MergeList();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == JsonToken.VALUE_STRING) {
        list.addText(p.getText());
      } else if (t == JsonToken.START_ARRAY) {
        readPair(p, list);
      } else {
        list.addOther(tree(p));
      }
    }
    return list;
  }

  /** ["a", "b"] as a pair; any other array as its tree, from the elements already read on. */
  private static void readPair(JsonParser p, MergeList list) throws IOException {
    String a = null;
    String b = null;
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_STRING) {
      a = p.getText();
      t = p.nextToken();
      if (t == JsonToken.VALUE_STRING) {
        b = p.getText();
        t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
          list.addPair(a, b);
          return;
        }
      }
    }
    ArrayNode array = MAPPER.createArrayNode();
    if (a != null) {
      array.add(TextNode.valueOf(a));
    }
    if (b != null) {
      array.add(TextNode.valueOf(b));
    }
    for (; t != JsonToken.END_ARRAY; t = p.nextToken()) {
      array.add(tree(p));
    }
    list.addOther(array);
  }

  /** The file's tree; {@code model.vocab} and {@code model.merges} are absent from it when read apart. */
  public JsonNode root() {
    return root;
  }

  /** The model's vocab when it is a JSON object, else null (then it is in the tree, if anywhere). */
  public VocabIds vocab() {
    return vocab;
  }

  /** The model's merges: the array read apart, or whatever the tree holds there (usually nothing). */
  public MergeList merges() {
    return merges != null ? merges : MergeList.of(root.path("model").path("merges"));
  }
}
