package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.HfTokenizer;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.Vocabulary;

/**
 * The Java engines' decode equals the reference engine's: on the encodings of the multilingual sample, and on
 * random id sequences, which reach what encodings never give (byte pieces of broken characters, special tokens
 * in the middle, ids without a piece, runs of byte-fallback pieces that are not UTF-8). {@code decodesTo}, the
 * round trip's shortcut, never contradicts decoding.
 */
class DecodeParityTest {
  @ParameterizedTest
  @ValueSource(strings = {"gpt2", "gpt35turbo", "gpt4o", "llama3", "qwen3", "deepseek_v3", "claude", "mistral7b",
      "gemma3", "gemini", "llama2", "minilm", "bge_small_zh"})
  void decodeEqualsReferenceEngine(String name) throws IOException {
    Tokenizer engine = JavaEngines.load(name, ReferenceData.tokenizer(name));
    List<String> mismatches = new ArrayList<>();
    try (HfTokenizer reference = HfTokenizer.load(name, ReferenceData.tokenizer(name))) {
      for (String line : JavaBpeTokenizerParityTest.sample()) {
        check(reference, engine, engine.encode(line).ids(), mismatches);
      }
      Vocabulary v = engine.vocabulary();
      int[] bytePieces = bytePieces(v);
      Random random = new Random(42);
      for (int k = 0; k < 3000; k++) {
        int[] ids = new int[1 + random.nextInt(6)];
        for (int i = 0; i < ids.length; i++) {
          // half byte pieces (to build broken and whole characters), half any id up to one past the last
          ids[i] = random.nextBoolean() && bytePieces.length > 0 ? bytePieces[random.nextInt(bytePieces.length)]
              : random.nextInt(v.size() + 1);
        }
        check(reference, engine, ids, mismatches);
      }
    }
    assertEquals(List.of(), mismatches.stream().limit(10).toList(), name + ": " + mismatches.size() + " mismatches");
  }

  private static void check(Tokenizer reference, Tokenizer engine, int[] ids, List<String> mismatches) {
    String want = reference.decode(ids);
    String got = engine.decode(ids);
    if (!want.equals(got)) {
      mismatches.add(Arrays.toString(ids) + ": reference '" + want + "' java '" + got + "'");
    }
    // the round trip's shortcut agrees with decoding, where it answers at all
    if (Boolean.FALSE.equals(engine.decodesTo(ids, want))) {
      mismatches.add(Arrays.toString(ids) + ": decodesTo says no to its own decoding '" + want + "'");
    }
    for (String other : new String[] {want + "a", want.isEmpty() ? "a" : want.substring(1), want + "\u00e9"}) {
      if (Boolean.TRUE.equals(engine.decodesTo(ids, other))) {
        mismatches.add(Arrays.toString(ids) + ": decodesTo says yes to '" + other + "', decoding gives '" + want + "'");
      }
    }
  }

  /** Ids of single-byte pieces: {@code <0xNN>}, or byte-level pieces of one non-ASCII byte. */
  private static int[] bytePieces(Vocabulary v) {
    List<Integer> out = new ArrayList<>();
    for (int id = 0; id < v.size(); id++) {
      if (v.piece(id) != null && !v.isSpecial(id) && v.bytes(id).length == 1 && (v.bytes(id)[0] & 0x80) != 0) {
        out.add(id);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
