package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tables.NumbersRow;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

class NumberStatsTest {
  private static final String TEXT = "In 2024, 1,234,567.89 people";

  private static Tokenizer load(String name) {
    return TokenizerRegistry.open(name, "hf", ReferenceData.tokenizer(name));
  }

  private static NumberStats of(Tokenizer t, String text) {
    return new NumberStats().add(text, t.encode(text));
  }

  /** Tokens with the given [start, end) intervals. */
  private static Encoding enc(int... bounds) {
    int n = bounds.length / 2;
    int[] s = new int[n];
    int[] e = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = bounds[2 * i];
      e[i] = bounds[2 * i + 1];
    }
    return new Encoding(new int[n], s, e, new byte[n]);
  }

  @Test
  void cl100kCutsFromTheLeftInThrees() {
    // runs 2024, 1, 234, 567, 89; cl100k: 202|4, 1, 234, 567, 89 -> pieces of 3,1,1,3,3,2 digits.
    // 2024 is cut at 3 where the ideal cut is at 1: FP 1, FN 1, no TP. Every length has one pattern: H = 0.
    NumberStats s = of(load("gpt35turbo"), TEXT);
    assertEquals(5, s.runs());
    assertEquals(13, s.digits());
    assertEquals(6, s.pieces());
    assertEquals(2.0 / 6, s.pieceShare(1), 1e-12);
    assertEquals(1.0 / 6, s.pieceShare(2), 1e-12);
    assertEquals(3.0 / 6, s.pieceShare(3), 1e-12);
    assertEquals(0.0, s.pieceShare(4), 0);
    assertEquals(0.0, s.boundaryPrecision(), 0);
    assertEquals(0.0, s.boundaryRecall(), 0);
    assertEquals(0.0, s.boundaryF1(), 0);
    assertEquals(0.0, s.splitEntropy(), 0);
  }

  @Test
  void llama2CutsEveryDigit() {
    // 13 one-digit pieces. Cuts: 2024 at 1,2,3 (ideal 1: TP 1, FP 2), 234 and 567 at 1,2 (FP 2 each), 89 at 1
    // (FP 1): TP 1, FP 7, FN 0 -> precision 1/8, recall 1, F1 2/9
    NumberStats s = of(load("llama2"), TEXT);
    assertEquals(13, s.pieces());
    assertEquals(1.0, s.pieceShare(1), 0);
    assertEquals(1.0 / 8, s.boundaryPrecision(), 1e-12);
    assertEquals(1.0, s.boundaryRecall(), 0);
    assertEquals(2.0 / 9, s.boundaryF1(), 1e-12);
    // "1234567" at the start: Llama-2's prefix "▁" token reports the first digit's span [0,1), then "1" does
    // too; the digit belongs to the later token, so the run is still 7 one-digit pieces, cuts 1..6, ideal 1 and 4
    NumberStats alone = of(load("llama2"), "1234567");
    assertEquals(7, alone.pieces());
    assertEquals(2.0 / 6, alone.boundaryPrecision(), 1e-12);
    assertEquals(1.0, alone.boundaryRecall(), 0);
  }

  @Test
  void claudeCutsAYearInTwoPairs() {
    // claude: " 20" | "24" (the space joins the first pair), " 1", 234, 567, 89: pieces 2,2,1,3,3,2
    NumberStats s = of(load("claude"), TEXT);
    assertEquals(6, s.pieces());
    assertEquals(3.0 / 6, s.pieceShare(2), 1e-12);
    assertEquals(0.0, s.boundaryF1(), 0); // 2024: cut at 2, ideal at 1
  }

  @Test
  void splitEntropyIsConditionalOnLength() {
    // four 4-digit runs cut {3}, {3}, {2}, {} and two 2-digit runs cut {}, {1}:
    // H(.|4) = 1.5 bits, H(.|2) = 1 bit, weighted 4/6 and 2/6: 4/3 bits
    NumberStats s = new NumberStats()
        .add("1234", enc(0, 3, 3, 4))
        .add("5678", enc(0, 3, 3, 4))
        .add("9012", enc(0, 2, 2, 4))
        .add("3456", enc(0, 4))
        .add("12 34", enc(0, 2, 3, 4, 4, 5));
    assertEquals(6, s.runs());
    assertEquals(4.0 / 3, s.splitEntropy(), 1e-12);
    // TP: none ({3} and {} vs ideal {1}; 34 cut at 1 vs no ideal); FP: 3, 3, 2, 1; FN: 1 for each 4-digit run
    assertEquals(0.0, s.boundaryRecall(), 0);
    assertEquals(0.0, s.boundaryF1(), 0);
  }

  @Test
  void aPrefixTokenOnTheFirstDigitYieldsToTheDigitsToken() {
    // a SentencePiece "▁" reported on [0,1), then "12" on [0,2): one piece of 2, no cut
    NumberStats s = new NumberStats().add("12", enc(0, 1, 0, 2));
    assertEquals(1, s.pieces());
    assertEquals(1.0, s.pieceShare(2), 0);
    assertNull(s.boundaryF1());
  }

  @Test
  void longRunsAndUncoveredDigits() {
    // a 13-digit run kept whole: counted (FN 4: ideal cuts at 1, 4, 7, 10), but outside the entropy
    NumberStats s = new NumberStats().add("x1234567890123", enc(0, 1, 1, 14));
    assertEquals(1, s.runs());
    assertEquals(1.0, s.pieceShare(4), 0);
    assertNull(s.splitEntropy());
    assertNull(s.boundaryPrecision()); // no cut made
    assertEquals(0.0, s.boundaryRecall(), 0);
    // digits 1 and 2 of "1234" covered by no token: each its own piece -> pieces 1|2|3|4 (tokens [0,1) and [3,4))
    NumberStats gap = new NumberStats().add("1234", enc(0, 1, 3, 4));
    assertEquals(4, gap.pieces());
    // no digits: nothing, every ratio null
    NumberStats none = new NumberStats().add("no numbers", enc(0, 2, 2, 10));
    assertEquals(0, none.runs());
    assertNull(none.pieceShare(1));
    assertNull(none.boundaryF1());
  }

  @Test
  void mergeAddsEverything() {
    Tokenizer t = load("gpt35turbo");
    NumberStats a = of(t, TEXT).merge(of(load("llama2"), TEXT));
    assertEquals(10, a.runs());
    assertEquals(19, a.pieces());
    // TP 1, FP 8, FN 1 -> F1 2/11
    assertEquals(2.0 / 11, a.boundaryF1(), 1e-12);
    NumbersRow row = NumbersRow.of("mixed", NumberStats.CORPUS, a);
    assertEquals(15.0 / 19, row.oneDigitShare(), 1e-12);
    assertEquals(19, row.pieces());
  }
}
