package org.tokenometry.udfs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScriptDetectorTest {
  @Test
  void singleScriptTexts() {
    assertEquals("Thai", ScriptDetector.dominant("ฉันกินข้าว"));
    assertEquals("Hani", ScriptDetector.dominant("我哥哥喜欢读书。"));
    assertEquals("Latn", ScriptDetector.dominant("The library opens at 9."));
    assertEquals("Cyrl", ScriptDetector.dominant("Мой брат любит читать."));
    assertEquals("Arab", ScriptDetector.dominant("يحب أخي قراءة الكتب."));
    assertEquals("Deva", ScriptDetector.dominant("मेरे भाई को किताबें पसंद हैं।"));
    assertEquals("Hang", ScriptDetector.dominant("우리 형은 책을 좋아합니다."));
  }

  @Test
  void japaneseKanaPullsHanIntoJpan() {
    // 8 Han letters (図書館毎朝九時開) outnumber 5 Hiragana (はにきます); with any kana present they vote as Jpan
    assertEquals("Jpan", ScriptDetector.dominant("図書館は毎朝九時に開きます。"));
    assertEquals("Jpan", ScriptDetector.dominant("サッカー"));
  }

  @Test
  void majorityWinsInMixedText() {
    // 5 Latin letters vs 2 Cyrillic
    assertEquals("Latn", ScriptDetector.dominant("hello да"));
    // digits, punctuation and marks do not vote
    assertEquals("Cyrl", ScriptDetector.dominant("2024: да!!! 1234567890"));
  }

  @Test
  void noLettersIsCommon() {
    assertEquals("Zyyy", ScriptDetector.dominant("12 + 34 = 46 !"));
    assertEquals("Zyyy", ScriptDetector.dominant(""));
  }
}
