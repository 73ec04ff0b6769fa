package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdTallyTest {
  /** Drained tallies hold exactly what counting each id straight into the table gives. */
  private static void sameAsDirectCounting(int vocabSize, int idRange) {
    SplittableRandom r = new SplittableRandom(vocabSize);
    IdTally tally = new IdTally(vocabSize);
    IdCounts viaTally = new IdCounts();
    IdCounts direct = new IdCounts();
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 10_000; i++) {
        int id = r.nextInt(idRange);
        tally.add(id);
        direct.add(id, 1);
      }
      tally.drainInto(viaTally); // drained between rounds, as the pass does when the group changes
    }
    assertEquals(direct.distinct(), viaTally.distinct());
    direct.forEach((id, n) -> assertEquals(n, viaTally.get(id), "id " + id));
    tally.drainInto(viaTally); // nothing left after a drain
    assertEquals(50_000, viaTally.total());
  }

  @Test
  void denseCountsEqualDirectCountingEvenPastTheVocabulary() {
    sameAsDirectCounting(256, 256);
    // o200k's special ids reach 200018 while its vocabulary counts 200000: the array grows
    sameAsDirectCounting(200_000, 200_019);
  }

  @Test
  void unboundedVocabulariesCountInAHashTable() {
    sameAsDirectCounting(-1, Integer.MAX_VALUE);
  }
}
