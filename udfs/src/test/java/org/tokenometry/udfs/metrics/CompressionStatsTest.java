package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;
import org.tokenometry.udfs.tokenizers.Utf8BytesTokenizer;

class CompressionStatsTest {
  private static CompressionStats add(CompressionStats s, Tokenizer t, String text) {
    DocumentText d = DocumentText.of(text);
    TokenizedDocument counts = new TokenizedDocument();
    counts.add(d, t.encode(text), 1000, null);
    return s.add(d.facts(), counts);
  }

  @Test
  void utf8BytesOnAnEmojiAndAnAccent() {
    // doc 1 "Hi 😀.": bytes H i ␠ 😀(F0 9F 98 80) . = 8; code points 5; ICU words: "Hi" only (the emoji and
    // the full stop are WORD_NONE); 1 sentence; 8 byte tokens; "Hi" is covered by 2 tokens -> continued.
    // doc 2 "é": 2 bytes, 1 code point, 1 word, 1 sentence, 2 tokens, continued.
    Tokenizer t = new Utf8BytesTokenizer();
    CompressionStats a = add(new CompressionStats(), t, "Hi \uD83D\uDE00.");
    CompressionStats b = add(new CompressionStats(), t, "\u00E9");
    CompressionStats s = a.merge(b);
    assertEquals(2, s.docs());
    assertEquals(10, s.bytes());
    assertEquals(6, s.chars());
    assertEquals(2, s.words());
    assertEquals(2, s.sentences());
    assertEquals(10, s.tokens());
    assertEquals(1.0, s.bytesPerToken(), 0);
    assertEquals(0.6, s.charsPerToken(), 1e-12);
    assertEquals(5.0, s.tokensPerWord(), 0);
    assertEquals(5.0, s.tokensPerSentence(), 0);
    assertEquals(1.0, s.continuedWordRate(), 0);
    assertEquals(0.0, s.singleTokenWordRate(), 0);
    assertEquals(10 / 2e-6, s.tokensPerSecond(), 1e-3); // 10 tokens in 2 × 1000 ns
  }

  @Test
  void gpt4oOnTwoEnglishWords() {
    // o200k: "Hello" (13225) + " world" (2375): 11 bytes and chars / 2 tokens = 5.5; each word one token
    Tokenizer t = TokenizerRegistry.open("gpt4o", "hf", ReferenceData.tokenizer("gpt4o"));
    CompressionStats s = add(new CompressionStats(), t, "Hello world");
    assertEquals(2, s.tokens());
    assertEquals(5.5, s.bytesPerToken(), 0);
    assertEquals(1.0, s.tokensPerWord(), 0);
    assertEquals(1.0, s.singleTokenWordRate(), 0);
    assertEquals(0.0, s.continuedWordRate(), 0);
  }

  @Test
  void emptyGroupsGiveNullRatios() {
    assertNull(new CompressionStats().bytesPerToken());
    assertNull(new CompressionStats().tokensPerSecond());
  }
}
