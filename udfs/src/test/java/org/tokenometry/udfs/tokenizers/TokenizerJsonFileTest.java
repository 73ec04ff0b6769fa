package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenometry.testing.ReferenceData;

/**
 * The file read with the model's vocab and merges apart holds what Jackson's own tree of it holds: the same tree
 * for everything else, the vocab's fields in order with their asInt()/isInt(), the merges entry by entry.
 */
class TokenizerJsonFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"gpt4o", "qwen3", "mistral7b", "minilm"}) // "a b" and ["a", "b"] merges, three engines
  void agreesWithJacksonsTreeOnEveryCachedFile(String name) throws IOException {
    Path f = ReferenceData.tokenizer(name);
    assertSameAsTree(JSON.readTree(f.toFile()), TokenizerJsonFile.read(f));
  }

  @Test
  void oddValuesReadAsTheTreeReadsThem() throws IOException {
    String json = """
        {"version": "1.0", "added_tokens": [{"id": 5, "content": "<s>", "special": true}],
         "model": {"type": "BPE", "dropout": null,
           "vocab": {"a": 0, "b": 1, "ab": "2", "big": 4294967297, "f": 3.7, "n": null, "a": 9, "é": 6},
           "merges": ["a b", ["a", "b"], ["a", "b", "c"], ["a"], [1, "b"], 7, "x y"],
           "unk_token": "a"},
         "decoder": null}
        """;
    Path f = dir.resolve("tokenizer.json");
    Files.writeString(f, json);
    TokenizerJsonFile file = TokenizerJsonFile.read(f);
    assertSameAsTree(JSON.readTree(json), file);
    VocabIds v = file.vocab();
    assertEquals(List.of("a", "b", "ab", "big", "f", "n", "é"), pieces(v)); // "a" keeps its first place...
    assertEquals(9, v.get("a")); // ...and its last id
    assertEquals(2, v.get("ab"));
    assertFalse(v.hasIntId("ab")); // a string id: TokenizerJson's unk lookup would not take it
    assertTrue(v.hasIntId("a"));
    assertEquals(1, v.get("big")); // asInt() of a long truncates
    assertEquals(3, v.get("f"));
    assertEquals(0, v.get("n"));
    MergeList m = file.merges();
    assertEquals("a b", m.text(0));
    assertEquals("a", m.pairLeft(1));
    assertEquals("b", m.pairRight(1));
    assertEquals(3, m.other(2).size());
    assertEquals(1, m.other(3).size());
    assertTrue(m.other(4).get(0).isInt());
    assertEquals(7, m.other(5).asInt());
    assertEquals("x y", m.text(6));
    assertEquals(9, TokenizerJson.read(file).unkId());
  }

  @Test
  void vocabOfAnotherTypeAndALaterModelStayInTheTree() throws IOException {
    String json = """
        {"model": {"vocab": {"x": 1}, "merges": ["x x"]},
         "model": {"type": "Unigram", "vocab": [["a", 0.0], ["b", -1.5]], "unk_id": 0}}
        """;
    Path f = dir.resolve("tokenizer.json");
    Files.writeString(f, json);
    TokenizerJsonFile file = TokenizerJsonFile.read(f);
    assertNull(file.vocab());
    assertEquals(0, file.merges().size());
    assertEquals(JSON.readTree(json), file.root());
    TokenizerJson facts = TokenizerJson.read(file);
    assertEquals("b", facts.vocabulary().piece(1));
    assertEquals(0, facts.unkId());
  }

  private static List<String> pieces(VocabIds v) {
    List<String> out = new ArrayList<>();
    v.forEach((piece, id) -> out.add(piece));
    return out;
  }

  private static void assertSameAsTree(JsonNode tree, TokenizerJsonFile file) {
    JsonNode model = tree.path("model");
    JsonNode vocab = model.path("vocab");
    JsonNode merges = model.path("merges");
    if (vocab.isObject()) {
      List<String> want = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        want.add(e.getKey());
        assertEquals(e.getValue().asInt(), file.vocab().get(e.getKey()), e.getKey());
        assertEquals(e.getValue().isInt(), file.vocab().hasIntId(e.getKey()), e.getKey());
      }
      assertEquals(want, pieces(file.vocab()));
      ((ObjectNode) model).remove("vocab");
    } else {
      assertNull(file.vocab());
    }
    MergeList list = file.merges();
    assertEquals(merges.size(), list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode m = merges.get(i);
      if (list.text(i) != null) {
        assertEquals(m.textValue(), list.text(i));
      } else if (list.pairLeft(i) != null) {
        assertArrayEquals(new String[] {m.get(0).textValue(), m.get(1).textValue()},
            new String[] {list.pairLeft(i), list.pairRight(i)});
        assertEquals(2, m.size());
      } else {
        assertEquals(m, list.other(i));
      }
    }
    if (merges.isArray()) {
      ((ObjectNode) model).remove("merges");
    }
    assertEquals(tree, file.root());
  }
}
