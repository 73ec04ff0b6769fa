package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.HfTokenizer;

/** A tiny SentencePiece-style tokenizer.json whose encodings are worked out by hand. */
class SentencePieceBpeTokenizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** {@code <unk>}=0, {@code <0x00>..<0xFF>}=1..256, ▁=257, h=258, i=259, ▁h=260, ▁hi=261. */
  private ObjectNode tiny() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE").put("byte_fallback", true).put("fuse_unk", true).put("unk_token", "<unk>");
    model.putNull("dropout");
    ObjectNode vocab = model.putObject("vocab");
    vocab.put("<unk>", 0);
    for (int b = 0; b < 256; b++) {
      vocab.put(String.format("<0x%02X>", b), b + 1);
    }
    vocab.put("▁", 257).put("h", 258).put("i", 259).put("▁h", 260).put("▁hi", 261);
    ArrayNode merges = model.putArray("merges");
    merges.add("▁ h").add("▁h i");
    root.putArray("added_tokens");
    ArrayNode norm = root.putObject("normalizer").put("type", "Sequence").putArray("normalizers");
    norm.addObject().put("type", "Prepend").put("prepend", "▁");
    ObjectNode replace = norm.addObject().put("type", "Replace").put("content", "▁");
    replace.putObject("pattern").put("String", " ");
    root.putNull("pre_tokenizer");
    root.putNull("post_processor");
    return root;
  }

  private SentencePieceBpeTokenizer load(ObjectNode root) throws IOException {
    Path f = dir.resolve("tokenizer.json");
    Files.writeString(f, JSON.writeValueAsString(root));
    return SentencePieceBpeTokenizer.load("tiny-sp", f);
  }

  @Test
  void prependsReplacesMergesAndFallsBackToBytes() throws IOException {
    Encoding e = load(tiny()).encode("hi hi é");
    // "▁hi▁hi▁é": the prepended ▁ aligns with the first character; é is not in the vocabulary: C3 A9
    assertArrayEquals(new int[] {261, 261, 257, 0xC3 + 1, 0xA9 + 1}, e.ids());
    assertArrayEquals(new int[] {0, 2, 5, 6, 6}, e.starts());
    assertArrayEquals(new int[] {2, 5, 6, 7, 7}, e.ends());
    assertArrayEquals(new byte[] {0, 0, 0, Encoding.BYTE_FALLBACK, Encoding.BYTE_FALLBACK}, e.flags());
  }

  /**
   * Words are merged piece by piece (cut before each ▁ that follows another character) except where a merge
   * joins that character to a token starting with ▁: here {@code "> ▁i"}, so "h> i" must stay whole.
   */
  @Test
  void cutsBeforeSpacesOnlyWhereNoMergeCrossesThem() throws IOException {
    ObjectNode root = tiny();
    ((ObjectNode) root.path("model").path("vocab")).put(">", 262).put("▁i", 263).put(">▁i", 264);
    ((ArrayNode) root.path("model").path("merges")).add("▁ i").add("> ▁i");
    Path f = dir.resolve("crossing.json");
    Files.writeString(f, JSON.writeValueAsString(root));
    SentencePieceBpeTokenizer engine = SentencePieceBpeTokenizer.load("crossing", f);
    // "▁h>▁i": ▁h (rank 0), then ▁i (rank 2), then >▁i (rank 3) across the space
    Encoding e = engine.encode("h> i");
    assertArrayEquals(new int[] {260, 264}, e.ids());
    assertArrayEquals(new int[] {0, 1}, e.starts()); // the prepended ▁ aligns with "h"
    assertArrayEquals(new int[] {1, 4}, e.ends());
    // "▁hi▁hi▁i>▁i": cut after each i, not after >; the cached second "▁hi" piece keeps its own offsets
    assertArrayEquals(new int[] {261, 261, 263, 264}, engine.encode("hi hi i> i").ids());
    assertArrayEquals(new int[] {0, 2, 5, 7}, engine.encode("hi hi i> i").starts());
    try (HfTokenizer reference = HfTokenizer.load("crossing", f)) {
      for (String text : new String[] {"h> i", "hi hi i> i", "  hi>  i> i é i", "é hi", ">>> i i"}) {
        assertNull(EngineParity.diff(reference, engine, text), text);
      }
    }
  }

  @Test
  void refusesOtherNormalizersAndPreTokenizers() throws IOException {
    ObjectNode root = tiny();
    root.putObject("pre_tokenizer").put("type", "Metaspace");
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> load(root));
    assertTrue(e.getMessage().contains("pre_tokenizer Metaspace"), e.getMessage());
    ObjectNode root2 = tiny();
    root2.putObject("normalizer").put("type", "Precompiled");
    e = assertThrows(UnsupportedOperationException.class, () -> load(root2));
    assertTrue(e.getMessage().contains("normalizer Precompiled"), e.getMessage());
  }
}
