package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

class WordTokenOverlapTest {
  private static Encoding enc(int[] starts, int[] ends) {
    return new Encoding(new int[starts.length], starts, ends, new byte[starts.length]);
  }

  @Test
  void countsDistinctTokensSharingACharacterWithEachWord() {
    // words [0,5) [6,11) [12,13); tokens [0,3) [3,5) | [5,11) | [12,13) [12,13) (two tokens, one span)
    // word 1: two tokens -> continued; word 2: the token [5,11) includes the space before it, one token ->
    // single; word 3: two distinct tokens on the same span -> continued (never merged into one)
    long[] r = WordTokenOverlap.count(new int[] {0, 5, 6, 11, 12, 13},
        enc(new int[] {0, 3, 5, 12, 12}, new int[] {3, 5, 11, 13, 13}));
    assertArrayEquals(new long[] {2, 1}, r);
  }

  @Test
  void touchingIsNotOverlapping() {
    // word [2,4); tokens [0,2) and [4,6) only touch it, [2,4) covers it: single
    assertArrayEquals(new long[] {0, 1},
        WordTokenOverlap.count(new int[] {2, 4}, enc(new int[] {0, 2, 4}, new int[] {2, 4, 6})));
    // a word no token reaches is neither continued nor single
    assertArrayEquals(new long[] {0, 0}, WordTokenOverlap.count(new int[] {2, 4}, enc(new int[] {0}, new int[] {2})));
  }

  @Test
  void cl100kOnAnEmojiSentence() {
    // "I like 🦜 parrots": ICU words I [0,1), like [2,6), parrots [10,17) (the emoji is not a word).
    // cl100k: I | " like" [1,6) | " 🦜" split into 3 byte tokens [6,9) [7,9) [7,9) | " par" [9,13) | "rots" [13,17)
    // I: 1 token; like: 1; parrots: " par" + "rots" = 2 -> continued 1, single 2
    var t = TokenizerRegistry.open("gpt35turbo", "hf", ReferenceData.tokenizer("gpt35turbo"));
    DocumentText doc = DocumentText.of("I like \uD83E\uDD9C parrots");
    assertArrayEquals(new int[] {0, 1, 2, 6, 10, 17}, doc.wordSpans());
    assertArrayEquals(new long[] {1, 2}, WordTokenOverlap.count(doc.wordSpans(), t.encode(doc.text())));
  }

  @Test
  void thePlainLayoutsFastWalkEqualsTheGeneralOneOnRandomLayouts() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    for (int round = 0; round < 20_000; round++) {
      // words: disjoint spans in order; tokens: contiguous spans, some split into several tokens on one span
      java.util.List<Integer> w = new java.util.ArrayList<>();
      for (int i = 0; i < 40; ) {
        int s = i + r.nextInt(3);
        int e = s + 1 + r.nextInt(4);
        w.add(s);
        w.add(e);
        i = e;
      }
      java.util.List<Integer> ts = new java.util.ArrayList<>();
      java.util.List<Integer> te = new java.util.ArrayList<>();
      for (int i = 0; i < 45; ) {
        int e = i + 1 + r.nextInt(5);
        for (int k = r.nextInt(4) == 0 ? 3 : 1; k > 0; k--) {
          ts.add(i);
          te.add(e);
        }
        i = e;
      }
      int[] words = w.stream().mapToInt(Integer::intValue).toArray();
      Encoding e = enc(ts.stream().mapToInt(Integer::intValue).toArray(),
          te.stream().mapToInt(Integer::intValue).toArray());
      assertArrayEquals(WordTokenOverlap.count(words, e, false), WordTokenOverlap.count(words, e, true),
          w + " / " + ts + " " + te);
    }
  }
}
