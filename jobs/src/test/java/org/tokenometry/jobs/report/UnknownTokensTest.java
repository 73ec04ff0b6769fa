package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.CompressionRow;

/** The one rule for numbers that unknown tokens make unreliable, shared by the report and the console summary. */
class UnknownTokensTest {
  static final UnknownTokens UNK = new UnknownTokens(List.of(PremiumSectionTest.unk("wp", "c", "tha_Thai", 0.35),
      PremiumSectionTest.unk("wp", "c", "eng_Latn", 0.01), PremiumSectionTest.unk("wp", "d", "eng_Latn", 0.0),
      PremiumSectionTest.unk("bpe", "c", "tha_Thai", 0.0)));

  @Test
  void aNumberIsFlaggedAboveOnePercentUnknownTokens() {
    assertEquals(0.01, UnknownTokens.MAX_RATE);
    assertTrue(UNK.flagged("wp", "c", "tha_Thai"));
    assertFalse(UNK.flagged("wp", "c", "eng_Latn"), "exactly 1 % is not over the limit");
    assertFalse(UNK.flagged("bpe", "c", "tha_Thai"));
    assertEquals(0, UNK.rate("other", "c", "tha_Thai"), "no coverage row: nothing known, nothing flagged");
    assertEquals("⚠ 35.0 % unknown tokens", UnknownTokens.why(0.35));
  }

  @Test
  void overSeveralRowsTheRateIsWeightedByTokens() {
    // 100 tokens of Thai at 35 % and 3,400 of English at 1 %: (35 + 34) / 3,500 = 1.97 %
    List<CompressionRow> rows = List.of(BytesPerTokenSectionTest.row("wp", "c", "general", "tha_Thai", 500,
        100), BytesPerTokenSectionTest.row("wp", "c", "general", "eng_Latn", 10000, 3400));
    assertEquals(69.0 / 3500, UNK.rate(rows), 1e-12);
    assertTrue(UNK.flagged(rows));
  }

  @Test
  void tokenizersFlaggedInACorpusKeepTheGivenOrder() {
    assertEquals(List.of("wp"), UNK.flaggedIn("c", List.of("bpe", "wp")));
    assertEquals(List.of(), UNK.flaggedIn("d", List.of("bpe", "wp")));
    assertEquals(List.of("wp"), UNK.flaggedIn(null, List.of("wp", "bpe")));
    assertNull(UnknownTokens.note(List.of(), "x"));
    assertEquals("⚠ wp: more than 1 % of the tokens are unknown ([UNK]) where marked, so those numbers flatter the "
        + "tokenizer (one [UNK] can stand for a whole word); their bars are pale.",
        UnknownTokens.note(List.of("wp"), "their bars are pale"));
  }
}
