package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lookups through the bit filter agree with a HashMap on present pairs, absent pairs and relisted pairs. */
class MergeTableTest {
  @Test
  void rankOfAgreesWithAMap() {
    Random random = new Random(7);
    int merges = 50_000;
    MergeTable table = new MergeTable(merges);
    Map<Long, Integer> ranks = new HashMap<>();
    for (int rank = 0; rank < merges; rank++) {
      int left = random.nextInt(3000);
      int right = random.nextInt(3000);
      table.put(left, right, rank, 100_000 + rank);
      ranks.put(((long) left << 32) | right, rank); // a relisted pair keeps its last rank
    }
    int present = 0;
    for (int left = 0; left < 3000; left += 3) {
      for (int right = 0; right < 3000; right++) {
        Integer want = ranks.get(((long) left << 32) | right);
        assertEquals(want == null ? -1 : want, table.rankOf(left, right), left + "," + right);
        present += want == null ? 0 : 1;
      }
    }
    assertEquals(true, present > 10_000, "present pairs checked: " + present);
    assertEquals(-1, table.rankOf(2_000_000, 5));
    table.put(7, 7, merges - 1, 12_345); // relisted: the last rank and result win
    assertEquals(merges - 1, table.rankOf(7, 7));
    assertEquals(12_345, table.mergedOf(table.rankOf(7, 7)));
  }
}
