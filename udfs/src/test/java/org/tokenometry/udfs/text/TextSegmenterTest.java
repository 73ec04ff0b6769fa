package org.tokenometry.udfs.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextSegmenterTest {
  @Test
  void thaiUsesDictionarySegmentation() {
    // "I eat rice": ฉัน|กิน|ข้าว = 3
    assertEquals(3, TextSegmenter.countWords("ฉันกินข้าว"));
    assertArrayEquals(new int[] {0, 3, 3, 6, 6, 10}, TextSegmenter.wordSpans("ฉันกินข้าว"));
  }

  @Test
  void chineseUsesDictionarySegmentation() {
    // 我|哥哥|喜欢|读书|。 -> the full stop is WORD_NONE: 4 words, 1 sentence
    String s = "我哥哥喜欢读书。";
    assertArrayEquals(new int[] {0, 1, 1, 3, 3, 5, 5, 7}, TextSegmenter.wordSpans(s));
    assertEquals(1, TextSegmenter.countSentences(s));
    // two sentences ended by CJK full stop and full-width question mark: 我|喜欢|读书。你|呢？
    assertEquals(5, TextSegmenter.countWords("我喜欢读书。你呢？"));
    assertEquals(2, TextSegmenter.countSentences("我喜欢读书。你呢？"));
  }

  @Test
  void japaneseMixedKanaKanji() {
    // 私|は|本|を|読み|ます|。 : particles are their own words, the verb splits stem|ending = 6
    assertEquals(6, TextSegmenter.countWords("私は本を読みます。"));
    // 図書館|は|毎朝|九時|に|開き|ます = 7
    assertEquals(7, TextSegmenter.countWords("図書館は毎朝九時に開きます。"));
  }

  @Test
  void latinWordsSkipPunctuationAndKeepNumbersAndContractions() {
    // Hello|world|It's|3.5|km = 5; two sentences
    assertEquals(5, TextSegmenter.countWords("Hello, world! It's 3.5 km."));
    assertEquals(2, TextSegmenter.countSentences("Hello, world! It's 3.5 km."));
    // Он|пришёл. Она|ушла! Да? = 5 words, 3 sentences
    assertEquals(5, TextSegmenter.countWords("Он пришёл. Она ушла! Да?"));
    assertEquals(3, TextSegmenter.countSentences("Он пришёл. Она ушла! Да?"));
  }

  @Test
  void blankTextHasNoWordsOrSentences() {
    assertEquals(0, TextSegmenter.countWords(" \n\t "));
    assertEquals(0, TextSegmenter.countSentences(" \n\t "));
    assertEquals(0, TextSegmenter.countSentences(""));
  }

  @Test
  void streamingSentenceCountEqualsTheCount() {
    for (String s : new String[] {"One. Two! Three?", "我喜欢读书。你呢？", "a\n\nb", "   ", "", "x. \n y"}) {
      assertEquals(TextSegmenter.countSentences(s), TextSegmenter.countSentencesStreaming(s), s);
    }
  }

  @Test
  void cutsAreAtASpaceOrLineFeedNextToALetter() {
    String s = "ab cd\nef 1 2\n3\u3002\n\u6211";
    // ab␣cd⏎ef␣1␣2⏎3。⏎我: before a space or line feed after a letter (2, 5, 8), after a line feed before a
    // letter (6, 16); not next to digits or punctuation, nor inside a word or at the ends
    java.util.List<Integer> cuts = new java.util.ArrayList<>();
    for (int at = 0; at <= s.length(); at++) {
      if (TextSegmenter.isCut(s, at)) {
        cuts.add(at);
      }
    }
    assertEquals(java.util.List.of(2, 5, 6, 8, 16), cuts);
  }
}
