package org.tokenometry.udfs.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExcerptAlignerTest {
  private static final String TEXT = "Net sales rose 9% to $575 billion. Operating income grew as well.\n"
      + "The company repurchased shares worth $10 billion in the fourth quarter. Costs fell.";
  private final ExcerptAligner aligner = new ExcerptAligner();

  @Test
  void exactMatchDropsOneTrailingPeriod() {
    var a = aligner.align(TEXT, "Operating income grew as well.").orElseThrow();
    assertEquals(ExcerptAligner.Method.EXACT, a.method());
    assertEquals("Operating income grew as well", TEXT.substring(a.start(), a.end()));
    assertEquals(TEXT.indexOf("Operating"), a.start());
  }

  @Test
  void whitespaceAndCaseDifferencesStillAlign() {
    var a = aligner.align(TEXT, "operating INCOME grew as well.\nThe company  repurchased").orElseThrow();
    assertEquals(ExcerptAligner.Method.WHITESPACE_CASE, a.method());
    assertEquals("Operating income grew as well.\nThe company repurchased", TEXT.substring(a.start(), a.end()));
  }

  @Test
  void fuzzyMatchFindsASentenceWithATypoAndReturnsItsOwnSpan() {
    // one dropped letter ("repurchased" -> "repurchsed") in a 70-character sentence: token_sort_ratio 99
    String quoted = "The company repurchsed shares worth $10 billion in the fourth quarter.";
    var a = aligner.align(TEXT, quoted).orElseThrow();
    assertEquals(ExcerptAligner.Method.FUZZY, a.method());
    assertEquals("The company repurchased shares worth $10 billion in the fourth quarter.",
        TEXT.substring(a.start(), a.end()));
    assertEquals(99, TokenSortRatio.score(quoted, TEXT.substring(a.start(), a.end())));
  }

  @Test
  void paraphraseOrHallucinationFails() {
    assertTrue(aligner.align(TEXT, "The firm bought back $10 billion of stock in Q4.").isEmpty());
    assertTrue(aligner.align(TEXT, "Revenue doubled.").isEmpty());
    assertTrue(aligner.align(TEXT, " . ").isEmpty());
  }

  @Test
  void tokenSortRatioMatchesHandComputedValues() {
    // fuzzywuzzy's documented example: word order does not matter
    assertEquals(100, TokenSortRatio.score("fuzzy wuzzy was a bear", "wuzzy fuzzy was a bear"));
    // "abc" vs "abd": LCS 2, 2*2/6 = 66.7 -> 67
    assertEquals(67, TokenSortRatio.score("abc", "abd"));
    // punctuation and case are ignored
    assertEquals(100, TokenSortRatio.score("Hello, World!", "world hello"));
  }

  @Test
  void alignsInsideCjkSentences() {
    String zh = "今天天气很好。我们去公园散步吧！明天可能下雨。";
    var a = aligner.align(zh, "我们去公园散步吧！").orElseThrow();
    assertEquals(zh.indexOf("我们"), a.start());
    assertEquals(3, ExcerptAligner.trimmedSentences(zh).length / 2);
  }
}
