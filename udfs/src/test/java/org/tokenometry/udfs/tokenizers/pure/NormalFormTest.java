package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/** What each engine's normal form is, worked out from its normalizer, pre-tokenizer and decoder. */
class NormalFormTest {
  private static Tokenizer load(String name) {
    return JavaEngines.load(name, ReferenceData.tokenizer(name));
  }

  @Test
  void byteLevelIsTheNormalizerAlone() {
    assertEquals("Straße ﬁ ①\n\t x", load("gpt2").normalForm("Straße ﬁ ①\n\t x")); // no normalizer
    assertEquals("fi 1", load("claude").normalForm("\uFB01 \u2460"));                 // NFKC: ﬁ -> fi, ① -> 1
    assertEquals("\u00E9", load("qwen3").normalForm("e\u0301"));                       // NFC composes é
  }

  @Test
  void sentencePieceUndoesItsSpaceSymbolsButPrependsOncePerSegment() {
    Tokenizer llama2 = load("llama2");
    assertEquals("  two  spaces ", llama2.normalForm("  two  spaces "));
    // "a<s>b": <s> is an added token, so "b" is a segment of its own and gets its own prepended ▁
    assertEquals("a<s> b", llama2.normalForm("a<s>b"));
    assertEquals("a<s> b", llama2.decode(llama2.encode("a<s>b").ids()));
    assertEquals(" x", load("gemma3").normalForm(" x")); // Gemma 3 prepends nothing and strips nothing
  }

  @Test
  void wordPieceIsTheNormalizedWordsJoinedAsItsDecoderJoinsThem() {
    Tokenizer minilm = load("minilm");
    // lower-cased, accents stripped, punctuation split off and glued back by the cleanup only before . , ! ?
    String text = "Hello,  Café!\n(x)中文";
    assertEquals("hello, cafe! ( x ) 中 文", minilm.normalForm(text));
    assertEquals(minilm.normalForm(text), minilm.decode(minilm.encode(text).ids()));
    // ☃ is not in the vocabulary: the round trip shows [UNK] where the normal form keeps the snowman
    assertEquals("a \u2603 b", minilm.normalForm("a \u2603 b"));
    assertNotEquals(minilm.normalForm("a \u2603 b"), minilm.decode(minilm.encode("a \u2603 b").ids()));
  }

  /** Byte-level and byte-fallback vocabularies lose nothing: every sample line round-trips to its normal form. */
  @ParameterizedTest
  @ValueSource(strings = {"gpt2", "gpt35turbo", "gpt4o", "llama3", "qwen3", "deepseek_v3", "claude", "mistral7b",
      "gemma3", "gemini", "llama2"})
  void losslessVocabulariesRoundTripToTheirNormalForm(String name) throws IOException {
    Tokenizer t = load(name);
    List<String> lines = new ArrayList<>(JavaBpeTokenizerParityTest.sample());
    lines.add(String.join("\n", lines));
    for (String line : lines) {
      assertEquals(t.normalForm(line), t.decode(t.encode(line).ids()), name + ": " + line);
    }
  }
}
