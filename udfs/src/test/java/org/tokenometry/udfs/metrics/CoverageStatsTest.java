package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

class CoverageStatsTest {
  private static CoverageStats add(CoverageStats s, Tokenizer t, String text) {
    DocumentText d = DocumentText.of(text);
    IdTally ids = new IdTally(t.vocabSize());
    TokenizedDocument counts = new TokenizedDocument();
    counts.add(d, t.encode(text), 0, ids);
    ids.drainInto(s.ids());
    return s.add(d.facts(), counts);
  }

  @Test
  void wordPieceUnknowns() {
    // minilm: "a ☃ b" -> a [UNK] b; "hello ᱚ world" -> hello [UNK] world (Ol Chiki is not in BERT's vocab).
    // 6 tokens, 2 UNK -> 1/3; ids 1037 100 1038 7592 100 2088 -> 5 distinct, [UNK] (100) the most frequent.
    // non-whitespace characters 3 + 11, none split.
    Tokenizer t = TokenizerRegistry.open("minilm", "hf", ReferenceData.tokenizer("minilm"));
    CoverageStats s = add(add(new CoverageStats(), t, "a \u2603 b"), t, "hello \u1C5A world");
    assertEquals(1.0 / 3, s.unkRate(), 1e-12);
    assertEquals(0.0, s.byteFallbackRate(), 0);
    assertEquals(0.0, s.splitCharRate(), 0);
    assertEquals(5, s.distinctTokens());
    assertEquals(5.0 / 30522, s.vocabUtilization(30522), 1e-15);
    assertArrayEquals(new long[] {100, 2}, s.topTokens(20).get(0));
    assertEquals(5, s.topTokens(20).size());
  }

  @Test
  void byteFallbackOnCherokee() {
    // Mistral "Ꮳ Ꭰ" -> ▁ E1 8F A3 ▁ E1 8E A0: 8 tokens, 6 <0xNN> -> 0.75; both letters split -> 2/2.
    // Ids ▁(28705)×2, <0xE1>(228)×2, then 146 166 145 163 once: 6 distinct; ties rank the smaller id first.
    Tokenizer t = TokenizerRegistry.open("mistral7b", "hf", ReferenceData.tokenizer("mistral7b"));
    CoverageStats s = add(new CoverageStats(), t, "\u13E3 \u13A0");
    assertEquals(0.75, s.byteFallbackRate(), 0);
    assertEquals(1.0, s.splitCharRate(), 0);
    assertEquals(0.0, s.unkRate(), 0);
    assertEquals(6, s.distinctTokens());
    assertArrayEquals(new long[] {228, 2}, s.topTokens(2).get(0));
    assertArrayEquals(new long[] {28705, 2}, s.topTokens(2).get(1));
  }

  @Test
  void mergeIsASum() {
    Tokenizer t = TokenizerRegistry.open("mistral7b", "hf", ReferenceData.tokenizer("mistral7b"));
    CoverageStats a = add(new CoverageStats(), t, "\u13E3 \u13A0");
    CoverageStats b = add(new CoverageStats(), t, "\u13E3 \u13A0");
    a.merge(b);
    assertEquals(16, a.tokens());
    assertEquals(4, a.ids().get(228));
    assertEquals(0.75, a.byteFallbackRate(), 0);
    assertNull(new CoverageStats().unkRate());
  }
}
