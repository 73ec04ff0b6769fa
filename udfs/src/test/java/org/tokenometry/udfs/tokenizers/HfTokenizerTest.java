package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;

/** The DJL engine on real tokenizer files (cached by scripts/fetch-tokenizers). */
class HfTokenizerTest {
  private static Tokenizer load(String name) {
    return TokenizerRegistry.open(name, "hf", ReferenceData.tokenizer(name));
  }

  @Test
  void astralPlaneOffsetsAreUtf16() {
    // "Hi 😀 there": 😀 is one code point but two UTF-16 units (3-5). cl100k encodes " 😀" as one token
    // (id 91416). DJL reports code points 2..4 for it; we store UTF-16 2..5, and " there" moves from 4..10 to 5..11.
    Tokenizer t = load("gpt35turbo");
    Encoding e = t.encode("Hi \uD83D\uDE00 there");
    assertArrayEquals(new int[] {13347, 91416, 1070}, e.ids());
    assertArrayEquals(new int[] {0, 2, 5}, e.starts());
    assertArrayEquals(new int[] {2, 5, 11}, e.ends());
    assertEquals(" \uD83D\uDE00", t.vocabulary().text(91416));
  }

  @Test
  void byteLevelBpeSplitsARareCharacterOverSeveralTokensOnOneSpan() {
    // 鬱 (U+9B31, UTF-8 E9 AC B1) is not in cl100k: it becomes its three single bytes 'é' '¬' '±'
    // (ids 165, 105, 109), each reported on the character's span 0..1.
    Tokenizer t = load("gpt35turbo");
    Encoding e = t.encode("\u9B31");
    assertArrayEquals(new int[] {165, 105, 109}, e.ids());
    assertArrayEquals(new int[] {0, 0, 0}, e.starts());
    assertArrayEquals(new int[] {1, 1, 1}, e.ends());
    assertArrayEquals(new byte[] {(byte) 0xE9}, t.vocabulary().bytes(165));
    assertEquals(null, t.vocabulary().text(165)); // a lone lead byte is not text
  }

  @Test
  void sentencePieceFallsBackToBytesOnARareScript() {
    // Cherokee "Ꮳ Ꭰ" (U+13E3, U+13A0; each 3 UTF-8 bytes) is not in Mistral's 32k vocabulary:
    // ▁ (28705) then <0xE1><0x8F><0xA3>, ▁ then <0xE1><0x8E><0xA0>: 8 tokens, 6 of them byte fallback.
    Tokenizer t = load("mistral7b");
    Encoding e = t.encode("\u13E3 \u13A0");
    assertArrayEquals(new int[] {28705, 228, 146, 166, 28705, 228, 145, 163}, e.ids());
    int bytes = 0;
    for (int i = 0; i < e.size(); i++) {
      bytes += e.is(i, Encoding.BYTE_FALLBACK) ? 1 : 0;
    }
    assertEquals(6, bytes);
    assertEquals("<0xE1>", t.tokenString(228));
  }

  @Test
  void wordPieceMapsAMissingCharacterToUnk() {
    // BERT's uncased vocabulary has no ☃ (U+2603): "a ☃ b" -> a, [UNK] (id 100, span 2..3), b
    Tokenizer t = load("minilm");
    Encoding e = t.encode("a \u2603 b");
    assertArrayEquals(new int[] {1037, 100, 1038}, e.ids());
    assertEquals(100, t.unkId());
    assertTrue(e.is(1, Encoding.UNKNOWN));
    assertEquals(2, e.starts()[1]);
    assertEquals(3, e.ends()[1]);
  }

  @Test
  void decodeKeepsSpecialTokensAndSpacesBeforePunctuation() {
    // DJL's decode(ids) would skip <|endoftext|>, and a tokenizer_config.json could make it remove the space
    // before "." (transformers' clean_up_tokenization_spaces): the reference engine must do neither
    Tokenizer t = load("gpt4o");
    String text = "a . b<|endoftext|>c";
    assertEquals(text, t.decode(t.encode(text).ids()));
    assertEquals(null, t.normalForm(text)); // the reference engine cannot say what its normalizer does
  }

  @Test
  void readsTheSpaceMarkerOfEachModelFamily() {
    assertEquals(Vocabulary.Marker.BYTE_LEVEL_SPACE, load("gpt4o").vocabulary().marker());
    assertEquals(Vocabulary.Marker.METASPACE, load("mistral7b").vocabulary().marker());
    assertEquals(Vocabulary.Marker.WORDPIECE_CONTINUATION, load("minilm").vocabulary().marker());
  }

  @Test
  void aLoneSurrogateIsAReplacementCharacterNotACrash() {
    assertEquals("a\uFFFDb\uD83D\uDE00\uFFFD", HfTokenizer.withoutLoneSurrogates("a\uD800b\uD83D\uDE00\uDC00"));
    String ok = "a\uD83D\uDE00b";
    assertSame(ok, HfTokenizer.withoutLoneSurrogates(ok));
    // "x\uD800 😀 y": the emoji pair after a lone surrogate made offsets run past the code-point index
    Tokenizer t = load("gpt4o");
    String text = "x\uD800 \uD83D\uDE00 y";
    Encoding e = t.encode(text);
    Encoding same = t.encode("x\uFFFD \uD83D\uDE00 y");
    assertArrayEquals(same.ids(), e.ids());
    assertArrayEquals(same.starts(), e.starts());
    assertArrayEquals(same.ends(), e.ends());
  }
}
