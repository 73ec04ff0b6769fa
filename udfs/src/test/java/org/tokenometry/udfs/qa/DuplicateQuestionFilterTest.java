package org.tokenometry.udfs.qa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DuplicateQuestionFilterTest {
  /** A real (if simple) embedder: hashed character trigram counts; MiniLM replaces it at merge. */
  private static final Function<List<String>, float[][]> TRIGRAMS = texts -> {
    float[][] out = new float[texts.size()][256];
    for (int i = 0; i < texts.size(); i++) {
      String t = " " + texts.get(i).toLowerCase(Locale.ROOT) + " ";
      for (int k = 0; k + 3 <= t.length(); k++) {
        out[i][Math.floorMod(t.substring(k, k + 3).hashCode(), 256)] += 1;
      }
    }
    return out;
  };

  @Test
  void dropsLaterNearDuplicatesGreedily() {
    List<String> qs = List.of(
        "What did the company report about net sales in 2023?",
        "What did the company report about net sales in 2023 ?",
        "Which risks does the filing list for supply chains?",
        "What did the company report about its net sales in 2023?");
    boolean[] keep = new DuplicateQuestionFilter(TRIGRAMS, 0.9).keep(qs);
    assertArrayEquals(new boolean[] {true, false, true, false}, keep);
    // with a threshold above every similarity nothing is dropped
    assertArrayEquals(new boolean[] {true, true, true, true}, new DuplicateQuestionFilter(TRIGRAMS, 0.999).keep(
        List.of(qs.get(0), qs.get(2), qs.get(3), "Completely different words here")));
  }
}
