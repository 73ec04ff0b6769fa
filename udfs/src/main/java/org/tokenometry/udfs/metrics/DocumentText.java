package org.tokenometry.udfs.metrics;

import com.ibm.icu.lang.UCharacter;
import java.nio.charset.StandardCharsets;
import org.tokenometry.udfs.text.AsciiSentenceSegmenter;
import org.tokenometry.udfs.text.AsciiWordSegmenter;
import org.tokenometry.udfs.text.TextSegmenter;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.WordsTokenizer;

/**
 * What every tokenizer's metrics need from one document, or from one piece {@code text[from, to)} of a long
 * document, computed once for all tokenizers: its {@link DocumentFacts} and its ICU word spans (UTF-16 indices
 * into {@code text}), and for non-ASCII text the other non-blank segments, which with the words make the
 * {@code words} baseline's tokens ({@link #encode}); null for ASCII text, where each is one character. A piece's sentences are 0: a long document's sentences are counted over the whole text
 * ({@link TextSegmenter#countSentencesStreaming}), because a sentence may cross a piece's cut.
 */
public record DocumentText(String text, int from, int to, DocumentFacts facts, int[] wordSpans, int[] otherSpans) {

  /** A whole document. */
  public static DocumentText of(String text) {
    return of(text, 0, text.length(), true);
  }

  /** A piece of a long document cut where words never cross ({@link TextSegmenter#isCut}); no sentences. */
  public static DocumentText piece(String text, int from, int to) {
    return of(text, from, to, false);
  }

  private static DocumentText of(String text, int from, int to, boolean sentences) {
    int n = to - from;
    if (TextSegmenter.isAscii(text, from, to)) {
      // most English and domain text: one byte per char, one Latin-1 copy shared by the exact ASCII segmenters
      byte[] ascii = new byte[n];
      text.getBytes(from, to, ascii, 0);
      int[] words = AsciiWordSegmenter.wordSpans(ascii);
      shift(words, from);
      return new DocumentText(text, from, to, new DocumentFacts(n, n, words.length / 2,
          sentences ? AsciiSentenceSegmenter.countSentences(ascii) : 0, n - asciiWhiteSpace(ascii)), words, null);
    }
    long nonWs = 0;
    long chars = 0;
    long bytes = 0;
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      chars++;
      bytes += utf8Length(cp);
      if (!UCharacter.isUWhiteSpace(cp)) {
        nonWs++;
      }
      i += Character.charCount(cp);
    }
    String segmented = from == 0 && to == text.length() ? text : text.substring(from, to);
    int[][] segments = TextSegmenter.segments(segmented);
    shift(segments[0], from);
    shift(segments[1], from);
    return new DocumentText(text, from, to, new DocumentFacts(bytes, chars, segments[0].length / 2,
        sentences ? TextSegmenter.countSentences(segmented) : 0, nonWs), segments[0], segments[1]);
  }

  /** This text's tokens under {@code t}; the words baseline takes this segmentation instead of segmenting again. */
  public Encoding encode(Tokenizer t) {
    if (t instanceof WordsTokenizer words) {
      return words.encode(text, from, to, wordSpans, otherSpans);
    }
    return from == 0 && to == text.length() ? t.encode(text) : t.encode(text, from, to);
  }

  private static void shift(int[] spans, int by) {
    if (by != 0) {
      for (int i = 0; i < spans.length; i++) {
        spans[i] += by;
      }
    }
  }

  /**
   * Unicode White_Space among ASCII bytes: TAB, LF, VT, FF, CR (9..13) and SPACE; not U+001C..U+001F, which only
   * Java calls whitespace. Branch-free because it runs over every byte of every ASCII document.
   */
  static int asciiWhiteSpace(byte[] ascii) {
    int ws = 0;
    for (byte b : ascii) {
      int c = b;
      ws += (((c - 9) >>> 31) ^ 1) & (((13 - c) >>> 31) ^ 1) | (((c ^ ' ') - 1) >>> 31);
    }
    return ws;
  }

  /** What String.getBytes(UTF_8) writes for one code point; a lone surrogate becomes one '?' byte. */
  static int utf8Length(int cp) {
    if (cp < 0x80) {
      return 1;
    }
    if (cp < 0x800) {
      return 2;
    }
    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      return 1;
    }
    return cp < 0x10000 ? 3 : 4;
  }

  public long bytes() {
    return facts.bytes();
  }

  public long chars() {
    return facts.chars();
  }

  public long words() {
    return facts.words();
  }

  public long sentences() {
    return facts.sentences();
  }

  public long nonWhitespaceChars() {
    return facts.nonWhitespaceChars();
  }
}
