package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tables.RoundTripRow;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;
import org.tokenometry.udfs.tokenizers.WordsTokenizer;

class RoundTripStatsTest {
  private static Tokenizer java(String name) {
    return TokenizerRegistry.open(name, TokenizerRegistry.ENGINE_JAVA, ReferenceData.tokenizer(name));
  }

  private static RoundTripStats add(RoundTripStats s, Tokenizer t, String text) {
    return s.add(DocumentText.of(text), t.encode(text), t);
  }

  @Test
  void wordPieceLowerCasesCollapsesWhitespaceAndLosesUnknownCharacters() {
    // minilm: "Hello, World!" decodes to "hello, world!", its normal form: not exact, normalized.
    // "a ☃ b  c" decodes to "a [UNK] b c"; its normal form is "a ☃ b c" (whitespace collapsed), so it counts in
    // the CER: ☃ -> [UNK] is 1 substitution + 4 insertions = 5 edits over the normal form's 7 code points.
    // Whitespace runs: " " | " ", " ", "  " = 4; dec keeps " " | " ", " " (the double space became " ") = 3.
    // Unknown: ☃, 1 code point of 13 + 8.
    Tokenizer t = java("minilm");
    RoundTripStats s = add(add(new RoundTripStats(), t, "Hello, World!"), t, "a \u2603 b  c");
    assertEquals(0.0, s.exactRate(), 0);
    assertEquals(0.5, s.normalizedRate(), 0);
    assertEquals(5.0 / 7, s.cer(), 1e-15);
    assertEquals(1, s.cerDocs());
    assertEquals(0, s.cerSkippedDocs());
    assertEquals(0.75, s.whitespaceFidelity(), 0);
    assertEquals(1, s.unkChars());
    assertEquals(1.0 / 21, s.unkCharRate(), 1e-15);
  }

  @Test
  void anExactDocumentCountsAsNormalizedWithoutItsNormalForm() {
    // a document decoded back exactly is normalized by definition (dec = x); its normal form is never built:
    // the byte-level engine answers by comparing bytes, and only the probe "" asks for a normal form
    int[] asked = new int[1];
    Tokenizer gpt2 = java("gpt2");
    Tokenizer counting = new Tokenizer() {
      public String name() { return gpt2.name(); }
      public int vocabSize() { return gpt2.vocabSize(); }
      public org.tokenometry.udfs.tokenizers.Encoding encode(String t) { return gpt2.encode(t); }
      public String tokenString(int id) { return gpt2.tokenString(id); }
      public int unkId() { return gpt2.unkId(); }
      public String decode(int[] ids) { throw new AssertionError("decoded: the byte comparison settles it"); }
      public Boolean decodesTo(int[] ids, String text) { return gpt2.decodesTo(ids, text); }
      public String normalForm(String text) {
        asked[0]++;
        return gpt2.normalForm(text);
      }
    };
    RoundTripStats s = new RoundTripStats();
    // a surrogate pair (an emoji) is plain UTF-8 too; only a lone surrogate needs decoding
    for (String text : new String[] {"one", "two  spaces", "\u0928\u092E\u0938\u094D\u0924\u0947",
        "\uD83D\uDE00 smile"}) {
      add(s, counting, text);
    }
    assertEquals(1.0, s.exactRate(), 0);
    assertEquals(1.0, s.normalizedRate(), 0);
    assertEquals(1, asked[0]);
  }

  @Test
  void byteLevelGivesEverythingBackAndNfkcOnlyItsNormalForm() {
    RoundTripStats gpt2 = add(new RoundTripStats(), java("gpt2"), "Tabs\tand  spaces\n\u00A0\u9B31");
    assertEquals(1.0, gpt2.exactRate(), 0);
    assertEquals(1.0, gpt2.normalizedRate(), 0);
    assertEquals(1.0, gpt2.whitespaceFidelity(), 0);
    assertNull(gpt2.cer()); // no document differs from its normal form
    assertEquals(0.0, gpt2.unkCharRate(), 0);
    // claude normalizes with NFKC: "ﬁ ①\u00A0x" comes back as "fi 1 x"; the no-break space became a space,
    // so of the runs " ", "\u00A0" only " " is kept
    RoundTripStats claude = add(new RoundTripStats(), java("claude"), "\uFB01 \u2460\u00A0x");
    assertEquals(0.0, claude.exactRate(), 0);
    assertEquals(1.0, claude.normalizedRate(), 0);
    assertEquals(0.5, claude.whitespaceFidelity(), 0);
  }

  @Test
  void sentencePiecePrependsASpaceToTheTextAfterAnAddedToken() {
    // llama2 cuts "<s>" out first and prepends ▁ to each remaining segment: "a<s>b" comes back as "a<s> b", its
    // normal form; plain text with leading, double and trailing spaces comes back exactly
    Tokenizer t = java("llama2");
    RoundTripStats s = add(add(new RoundTripStats(), t, "a<s>b"), t, "  two  spaces ");
    assertEquals(0.5, s.exactRate(), 0);
    assertEquals(1.0, s.normalizedRate(), 0);
    assertEquals(1.0, s.whitespaceFidelity(), 0); // "a<s> b" has a run "a<s>b" had not: extra runs cost nothing
  }

  @Test
  void aLongDocumentTooFarFromItsNormalFormIsCountedNotMeasured() {
    // 100,000 snowmen: minilm gives "[UNK] [UNK] ..." against the normal form "☃ ☃ ...": 500,000 edits, far
    // beyond 2^30 / (199,999 + 599,999) = 1,342: skipped. The short document is measured: "☃" -> "[UNK]", 5 / 1.
    Tokenizer t = java("minilm");
    RoundTripStats s = add(add(new RoundTripStats(), t, "\u2603 ".repeat(100_000).strip()), t, "\u2603");
    assertEquals(2, s.cerDocs());
    assertEquals(1, s.cerSkippedDocs());
    assertEquals(5.0, s.cer(), 0);
    assertEquals(100_001.0 / 200_000, s.unkCharRate(), 1e-15); // every snowman unknown, over 199,999 + 1 code points
  }

  @Test
  void withoutADecoderOnlyUnknownCharactersAreMeasured() {
    RoundTripStats s = add(new RoundTripStats(), new WordsTokenizer(), "Hi, you!");
    assertEquals(1, s.docs());
    assertNull(s.exactRate());
    assertNull(s.normalizedRate());
    assertNull(s.whitespaceFidelity());
    assertEquals(0.0, s.unkCharRate(), 0);
  }

  @Test
  void mergeIsASumAndTheRowCarriesEveryColumn() {
    Tokenizer t = java("minilm");
    RoundTripStats a = add(new RoundTripStats(), t, "a \u2603 b  c");
    RoundTripStats b = add(new RoundTripStats(), t, "Hello, World!");
    RoundTripRow row = RoundTripRow.of("minilm", "c", "eng_Latn", a.merge(b));
    assertEquals(new RoundTripRow("minilm", "c", "eng_Latn", 2, 0.0, 0.5, 5.0 / 7, 1, 0, 0.75, 1, 1.0 / 21), row);
    assertEquals("roundtrip", RoundTripRow.TABLE);
  }
}
