package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Region and concatenation lookups find exactly the pieces a plain map holds, Latin-1, BMP and astral alike. */
class VocabIdsTest {
  private static final Map<String, Integer> PIECES = Map.of(
      "a", 0, "b", 1, "ab", 2, "\u2581the", 3, "\u2581", 4, "the", 5, "\uD835\uDD4F", 6, "\uD835\uDD4Fy", 7,
      "\u00E9t\u00E9", 8, "", 9);
  private static final VocabIds IDS = VocabIds.of(PIECES);

  @Test
  void wholeStringsAndAbsentOnes() {
    PIECES.forEach((piece, id) -> assertEquals(id, IDS.get(piece), piece));
    assertEquals(-1, IDS.get("ba"));
    assertEquals(-1, IDS.get("\u2581th"));
    assertEquals(PIECES.size(), IDS.size());
  }

  @Test
  void mergeWrittenAsOneStringLooksUpItsPartsAndTheirConcatenation() {
    String merge = "\u2581 the"; // the "a b" form: left [0, 1), right [2, 5)
    assertEquals(4, IDS.get(merge, 0, 1));
    assertEquals(5, IDS.get(merge, 2, 5));
    assertEquals(3, IDS.get(merge, 0, 1, merge, 2, 5));
    String astral = "\uD835\uDD4F y";
    assertEquals(6, IDS.get(astral, 0, 2));
    assertEquals(7, IDS.get(astral, 0, 2, astral, 3, 4));
    assertEquals(-1, IDS.get(astral, 0, 1)); // a lone high surrogate is no piece
    assertEquals(9, IDS.get("xyz", 1, 1));
  }

  @Test
  void concatenationOfTwoStringsAgreesWithAMapOnEverySplit() {
    Map<String, Integer> map = new HashMap<>(PIECES);
    for (String piece : PIECES.keySet()) {
      for (int cut = 0; cut <= piece.length(); cut++) {
        String left = "#" + piece.substring(0, cut);
        String right = piece.substring(cut) + "#";
        assertEquals(map.get(piece), IDS.get(left, 1, left.length(), right, 0, right.length() - 1), piece + "@" + cut);
      }
    }
  }

  @Test
  void manyPiecesGrowNoCollisionsIntoWrongAnswers() {
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      map.put(Integer.toString(i, 36), i);
    }
    VocabIds ids = VocabIds.of(map);
    for (int i = 0; i < 40_000; i++) {
      String s = Integer.toString(i, 36);
      Integer want = map.get(s);
      assertEquals(want == null ? -1 : want, ids.get(s), s);
      String merge = s.substring(0, 1) + " " + s.substring(1);
      assertEquals(want == null ? -1 : want, ids.get(merge, 0, 1, merge, 2, merge.length()), merge);
    }
  }
}
