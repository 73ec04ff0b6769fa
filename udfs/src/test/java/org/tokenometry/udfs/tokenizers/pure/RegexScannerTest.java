package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scanners cut text exactly where the regexes they implement would: hand-computed cases,
 * then java.util.regex (a backtracking engine with the same leftmost-first alternation as Oniguruma) as an
 * independent oracle on the parity sample and on random strings over a class-rich alphabet.
 */
class RegexScannerTest {
  private static final String ALPHABET = "aZé'sStTrRemMlLdDvVſ \t\n\r\u00a0\u3000.,!?/\\-_()0129٣½Ⅻ中文ひカ한ไทยالعر"
      + "हि\u0301\u0308\u094d\u0e31ǅʰ😀👍🏽\u200d\u0007$€+<>|~`\"";

  private static List<String> pieces(Splitter s, String text) {
    int[] cps = text.codePoints().toArray();
    IntList out = new IntList(16);
    s.split(cps, 0, cps.length, out);
    List<String> r = new ArrayList<>();
    for (int i = 0; i < out.size; i += 2) {
      r.add(new String(cps, out.get(i), out.get(i + 1) - out.get(i)));
    }
    return r;
  }

  /** What the Split pre-tokenizer does with java.util.regex: matches, plus the gaps when they are kept. */
  private static List<String> oracle(Pattern p, boolean keepGaps, String text) {
    List<String> r = new ArrayList<>();
    Matcher m = p.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last && keepGaps) {
        r.add(text.substring(last, m.start()));
      }
      r.add(m.group());
      last = m.end();
    }
    if (last < text.length() && keepGaps) {
      r.add(text.substring(last));
    }
    return r;
  }

  private static Pattern javaPattern(String regex) {
    return Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE);
  }

  @Test
  void cl100kCutsAsHandComputed() {
    // a lone space before a digit stays alone; the last space of a run joins the next word
    assertEquals(List.of("Hello", ",", " world", "'s", " ", " ", "123", "45", "\n\n", " x"),
        pieces(new Cl100kScanner(3, false), "Hello, world's  12345\n\n x"));
    assertEquals(List.of("1", "2", "3", " ", " a"), pieces(new Cl100kScanner(1, true), "123  a"));
  }

  @Test
  void o200kCutsAsHandComputed() {
    // upper-case runs followed by lower case stay one word; a case change after lower case starts a new one
    assertEquals(List.of("HTTPServer", " i", "Phone's", " ABC", "//\n"),
        pieces(new O200kScanner(false), "HTTPServer iPhone's ABC//\n"));
  }

  @Test
  void deepSeekWordsKeepsUnmatchedTextAsGaps() {
    // digits match no alternative of the word regex: they stay as their own piece
    assertEquals(List.of("abc", "12", ".Net", " x", " .", "Net"), pieces(new DeepSeekScanners.Words(), "abc12.Net x .Net"));
  }

  private static void checkAgainstOracle(Splitter s, String regex, boolean keepGaps) throws IOException {
    Pattern p = javaPattern(regex);
    List<String> texts = new ArrayList<>(JavaBpeTokenizerParityTest.sample());
    Random rnd = new Random(7);
    int[] alphabet = ALPHABET.codePoints().toArray();
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + rnd.nextInt(24);
      for (int k = 0; k < len; k++) {
        sb.appendCodePoint(alphabet[rnd.nextInt(alphabet.length)]);
      }
      texts.add(sb.toString());
    }
    for (String t : texts) {
      assertEquals(oracle(p, keepGaps, t), pieces(s, t), () -> "text: " + t.replace("\n", "\\n"));
    }
  }

  @Test
  void cl100kAgreesWithRegex() throws IOException {
    checkAgainstOracle(new Cl100kScanner(3, false), Cl100kScanner.CL100K, false);
  }

  @Test
  void qwenAgreesWithRegex() throws IOException {
    checkAgainstOracle(new Cl100kScanner(1, true), Cl100kScanner.QWEN, true);
  }

  @Test
  void o200kAgreesWithRegex() throws IOException {
    checkAgainstOracle(new O200kScanner(false), O200kScanner.PATTERN, false);
  }

  @Test
  void gpt2AgreesWithRegex() throws IOException {
    checkAgainstOracle(new Gpt2Scanner(),
        "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+", true);
  }

  @Test
  void deepSeekStepsAgreeWithRegex() throws IOException {
    checkAgainstOracle(new DeepSeekScanners.Digits(), DeepSeekScanners.DIGITS, true);
    checkAgainstOracle(new DeepSeekScanners.Cjk(), DeepSeekScanners.CJK, true);
    checkAgainstOracle(new DeepSeekScanners.Words(), DeepSeekScanners.WORDS, true);
  }
}
