package org.tokenometry.udfs.metrics;

import com.ibm.icu.lang.UCharacter;
import java.nio.charset.StandardCharsets;
import org.tokenometry.udfs.text.TextSegmenter;

/**
 * What every tokenizer's metrics need from one document, computed once per document: UTF-8 bytes, code
 * points, ICU word spans (UTF-16), sentences, and the non-whitespace code points (Unicode White_Space).
 */
public record DocumentText(String text, long bytes, long chars, int[] wordSpans, long sentences,
    long nonWhitespaceChars) {

  public static DocumentText of(String text) {
    long nonWs = 0;
    long chars = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      chars++;
      if (!UCharacter.isUWhiteSpace(cp)) {
        nonWs++;
      }
      i += Character.charCount(cp);
    }
    return new DocumentText(text, text.getBytes(StandardCharsets.UTF_8).length, chars,
        TextSegmenter.wordSpans(text), TextSegmenter.countSentences(text), nonWs);
  }

  public long words() {
    return wordSpans.length / 2;
  }
}
