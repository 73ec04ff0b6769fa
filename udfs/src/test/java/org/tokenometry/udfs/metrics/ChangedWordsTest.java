package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.perturb.KeyboardTypos;
import org.tokenometry.udfs.perturb.PerturbedText;
import org.tokenometry.udfs.perturb.SplitMix64;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

class ChangedWordsTest {
  private static Encoding enc(int[] starts, int[] ends, byte... flags) {
    return new Encoding(new int[starts.length], starts, ends,
        flags.length == 0 ? new byte[starts.length] : flags);
  }

  @Test
  void aCutInsideTheWordChangesIt() {
    // "cat dog" -> "c" ZWSP "at dog": tokens c [0,1), ZWSP [1,2) (maps to nothing), at [2,4) (maps to [1,3)),
    // " dog" [4,8) (maps to [3,7)). cat: [0,3) vs [0,1) [1,3): changed. dog: [4,7) both: unchanged
    PerturbedText p = new PerturbedText.Builder("t", "cat dog").copyTo(1).insert("\u200B").build();
    Encoding original = enc(new int[] {0, 3}, new int[] {3, 7});
    Encoding perturbed = enc(new int[] {0, 1, 2, 4}, new int[] {1, 2, 4, 8});
    assertEquals(1, ChangedWords.count(new int[] {0, 3, 4, 7}, original, perturbed, p));
  }

  @Test
  void theSameCutsOnDifferentLettersAreNoChange() {
    // "cat" -> "CAT" as one token, and "ab" cut a|b in both
    PerturbedText p = new PerturbedText.Builder("t", "cat ab").replaceTo(3, "CAT").build();
    Encoding e = enc(new int[] {0, 3, 5}, new int[] {3, 5, 6});
    assertEquals(0, ChangedWords.count(new int[] {0, 3, 4, 6}, e, e, p));
  }

  @Test
  void anUnknownTokenOnTheSameSpanIsAChange() {
    PerturbedText p = new PerturbedText.Builder("t", "hi").replaceTo(2, "HI").build();
    Encoding original = enc(new int[] {0}, new int[] {2});
    Encoding unk = enc(new int[] {0}, new int[] {2}, Encoding.UNKNOWN);
    assertEquals(1, ChangedWords.count(new int[] {0, 2}, original, unk, p));
  }

  @Test
  void bytesOfOneCharacterAreSeveralPieces() {
    // a one-character word: one token vs three byte tokens on the same span
    PerturbedText p = new PerturbedText.Builder("t", "x").replaceTo(1, "\u9B31").build();
    assertEquals(1, ChangedWords.count(new int[] {0, 1}, enc(new int[] {0}, new int[] {1}),
        enc(new int[] {0, 0, 0}, new int[] {1, 1, 1}), p));
  }

  @Test
  void cl100kOnKeyboardTypos() {
    // "The cat sat on the mat." with every letter mistyped (seed 42, doc-1): "6b4 xzy azg lm 6ys kq6."
    // cl100k: 6|b|4, " x"|zy, " az"|g, " lm", " "|6|ys, " k"|q|6: only "on" -> " lm" stays one token
    Tokenizer t = TokenizerRegistry.open("gpt35turbo", "hf", ReferenceData.tokenizer("gpt35turbo"));
    String text = "The cat sat on the mat.";
    DocumentText doc = DocumentText.of(text);
    PerturbedText p = new KeyboardTypos(1.0).apply(text, doc.wordSpans(), SplitMix64.of(42, "typos", "doc-1"));
    assertEquals("6b4 xzy azg lm 6ys kq6.", p.text());
    assertEquals(5, ChangedWords.count(doc.wordSpans(), t.encode(text), t.encode(p.text()), p));
  }
}
