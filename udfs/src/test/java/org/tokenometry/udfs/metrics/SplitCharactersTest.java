package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;
import org.tokenometry.udfs.tokenizers.Utf8BytesTokenizer;

class SplitCharactersTest {
  @Test
  void aCharacterIsSplitWhenTwoOrMoreTokensCoverIt() {
    // "a😀 é": utf8_bytes gives a:1 token, 😀:4 tokens on [1,3), space:1, é:2 tokens -> 😀 and é are split
    String text = "a\uD83D\uDE00 \u00E9";
    assertEquals(2, SplitCharacters.count(text, new Utf8BytesTokenizer().encode(text)));
  }

  @Test
  void whitespaceIsNeverCounted() {
    // two tokens both cover the space at [1,2) and one covers 'b': nothing non-whitespace is split
    Encoding e = new Encoding(new int[3], new int[] {0, 1, 1}, new int[] {1, 3, 2}, new byte[3]);
    assertEquals(0, SplitCharacters.count("a b", e));
  }

  @Test
  void byteLevelAndByteFallbackModels() {
    // cl100k "I like 🦜 parrots": 🦜 is covered by " ðŁ" [6,9), "¦" [7,9), "ľ" [7,9) -> 1 split character
    var cl100k = TokenizerRegistry.open("gpt35turbo", "hf", ReferenceData.tokenizer("gpt35turbo"));
    String s = "I like \uD83E\uDD9C parrots";
    assertEquals(1, SplitCharacters.count(s, cl100k.encode(s)));
    // Mistral on Cherokee "Ꮳ Ꭰ": each letter is three <0xNN> tokens -> 2 split characters of 2 non-space
    var mistral = TokenizerRegistry.open("mistral7b", "hf", ReferenceData.tokenizer("mistral7b"));
    assertEquals(2, SplitCharacters.count("\u13E3 \u13A0", mistral.encode("\u13E3 \u13A0")));
  }
}
