package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.udfs.tokenizers.Encoding;

/** A tiny hand-made tokenizer.json whose encodings are worked out by hand, and what the engine refuses. */
class JavaBpeTokenizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Byte-level vocabulary (id = byte value), merges he, ll, he+ll, Ġw, hell+o in that rank order, one added token. */
  private static ObjectNode tiny() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    ObjectNode vocab = model.putObject("vocab");
    int[] byteToChar = ByteLevel.byteToChar();
    for (int b = 0; b < 256; b++) {
      vocab.put(new String(Character.toChars(byteToChar[b])), b);
    }
    String[][] merges = {{"h", "e"}, {"l", "l"}, {"he", "ll"}, {"Ġ", "w"}, {"hell", "o"}};
    ArrayNode m = model.putArray("merges");
    int id = 256;
    for (String[] pair : merges) {
      vocab.put(pair[0] + pair[1], id++);
      m.add(pair[0] + " " + pair[1]);
    }
    ObjectNode added = root.putArray("added_tokens").addObject();
    added.put("id", 261).put("content", "<|x|>").put("special", true).put("normalized", false);
    root.putNull("normalizer");
    root.putObject("pre_tokenizer").put("type", "ByteLevel").put("add_prefix_space", false);
    root.putNull("post_processor");
    return root;
  }

  private JavaBpeTokenizer load(ObjectNode root) throws IOException {
    Path f = dir.resolve("tokenizer.json");
    Files.writeString(f, JSON.writeValueAsString(root));
    return JavaBpeTokenizer.load("tiny", f);
  }

  @Test
  void mergesByRankAndReportsOffsets() throws IOException {
    JavaBpeTokenizer t = load(tiny());
    Encoding e = t.encode("hello world<|x|>é lll");
    // hello: he(0) ll(1) hell(2) hello(4); " world": Ġw(3) o r l d; the added token; é = C3 A9, both bytes
    // report the character's interval; " lll": Ġ, then the leftmost ll first
    assertArrayEquals(new int[] {260, 259, 'o', 'r', 'l', 'd', 261, 0xC3, 0xA9, ' ', 257, 'l'}, e.ids());
    assertArrayEquals(new int[] {0, 5, 7, 8, 9, 10, 11, 16, 16, 17, 18, 20}, e.starts());
    assertArrayEquals(new int[] {5, 7, 8, 9, 10, 11, 16, 17, 17, 18, 20, 21}, e.ends());
    assertEquals(e.size(), t.count("hello world<|x|>é lll"));
    assertEquals(262, t.vocabSize());
    assertEquals("hello", t.tokenString(260));
    assertEquals(-1, t.unkId());
  }

  @Test
  void surrogatePairsReportUtf16Intervals() throws IOException {
    Encoding e = load(tiny()).encode("😀h");
    // U+1F600 is four UTF-8 bytes, one character of two UTF-16 units
    assertArrayEquals(new int[] {0xF0, 0x9F, 0x98, 0x80, 'h'}, e.ids());
    assertArrayEquals(new int[] {0, 0, 0, 0, 2}, e.starts());
    assertArrayEquals(new int[] {2, 2, 2, 2, 3}, e.ends());
  }

  @Test
  void emptyTextHasNoTokens() throws IOException {
    assertEquals(0, load(tiny()).encode("").size());
  }

  private void assertRefused(Consumer<ObjectNode> change, String component) throws IOException {
    ObjectNode root = tiny();
    change.accept(root);
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> load(root));
    assertTrue(e.getMessage().contains(component) && e.getMessage().contains("not supported"), e.getMessage());
  }

  @Test
  void refusesWhatItCannotReproduce() throws IOException {
    assertRefused(r -> ((ObjectNode) r.get("model")).put("type", "WordPiece"), "model WordPiece");
    assertRefused(r -> ((ObjectNode) r.get("model")).put("byte_fallback", true), "byte_fallback");
    assertRefused(r -> r.putObject("normalizer").put("type", "Precompiled"), "normalizer Precompiled");
    assertRefused(r -> r.putObject("pre_tokenizer").put("type", "Metaspace"), "pre_tokenizer Metaspace");
    assertRefused(r -> {
      ObjectNode split = JSON.createObjectNode().put("type", "Split").put("behavior", "Isolated");
      split.putObject("pattern").put("Regex", "\\w+");
      r.putObject("pre_tokenizer").put("type", "Sequence").putArray("pretokenizers").add(split)
          .add(JSON.createObjectNode().put("type", "ByteLevel").put("use_regex", false));
    }, "Split regex \\w+");
    assertRefused(r -> ((ObjectNode) r.get("added_tokens").get(0)).put("lstrip", true), "lstrip");
    assertRefused(r -> r.putObject("post_processor").put("type", "ByteLevel").put("trim_offsets", true),
        "post_processor ByteLevel");
  }
}
