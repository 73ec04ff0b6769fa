package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenometry.testing.ReferenceData;

/**
 * The linear-scan merge loop (short pre-tokens) and the heap merge loop (long ones) are two implementations of
 * the same merge order: on every word of the multilingual parity sample, and on words built to stress ties and
 * length, both give the same ids and offsets.
 */
class ByteLevelBpeTest {
  @ParameterizedTest
  @ValueSource(strings = {"gpt4o", "gpt35turbo", "llama3", "qwen3", "deepseek_v3", "claude"})
  void linearAndHeapLoopsAgree(String name) throws IOException {
    JavaBpeTokenizer tok = JavaBpeTokenizer.load(name, ReferenceData.tokenizer(name));
    Set<String> words = new LinkedHashSet<>();
    for (String line : JavaBpeTokenizerParityTest.sample()) {
      for (String w : line.split("(?<=\\S)(?=\\s)")) { // words with their leading space, as pre-tokens often are
        words.add(w);
      }
    }
    words.add("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); // equal ranks everywhere: leftmost must win
    words.add("                                ");
    words.add("ababababababababababababababab");
    words.add(" Donaudampfschifffahrtsgesellschaftskapitän");
    words.add("\uD83D\uDE42\uD83D\uDE42\uD83D\uDE42\uD83D\uDE42\uD83D\uDE42\uD83D\uDE42\uD83D\uDE42");
    words.add("\u0938\u094D\u0935\u0924\u0902\u0924\u094D\u0930\u0924\u093E\u0938\u0947\u0928\u093E\u0928\u0940");
    JavaBpeTokenizer.Scratch s = new JavaBpeTokenizer.Scratch();
    List<String> mismatches = new ArrayList<>();
    int merged = 0;
    int longerThanLinear = 0;
    for (String w : words) {
      int[] cps = w.codePoints().toArray();
      int len = ByteLevelBpe.prepare(cps, 0, cps.length, tok, s);
      if (len < 0) {
        continue; // a whole vocabulary token (ignore_merges): neither loop runs
      }
      int n = ByteLevelBpe.linear(len, tok, s); // before reading s.word: it may grow
      int[] linear = Arrays.copyOf(s.word, n);
      ByteLevelBpe.prepare(cps, 0, cps.length, tok, s);
      n = ByteLevelBpe.heap(len, tok, s);
      int[] heap = Arrays.copyOf(s.word, n);
      if (!Arrays.equals(linear, heap)) {
        int at = Arrays.mismatch(linear, heap);
        mismatches.add(w.substring(0, Math.min(20, w.length())) + "... (" + len + " bytes): first difference at "
            + at + " of " + linear.length + "/" + heap.length + ", linear " + linear[at] + " heap " + heap[at]);
      }
      merged += linear[0] < len ? 1 : 0;
      longerThanLinear += len > ByteLevelBpe.LINEAR_MAX_BYTES ? 1 : 0;
    }
    assertEquals(List.of(), mismatches);
    assertTrue(merged > 200, name + ": only " + merged + " words had a merge");
    assertTrue(longerThanLinear >= 3, name + ": only " + longerThanLinear + " words beyond the linear loop's length");
  }
}
