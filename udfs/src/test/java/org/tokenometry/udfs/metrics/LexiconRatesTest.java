package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tokenizers.Vocabulary;

class LexiconRatesTest {
  @Test
  void typeAndTokenRates() {
    // byte-level pieces: 0 "Ġthe", 1 "The", 2 "Ġcat", 3 "s", 4 "Ġ" (a bare space: no word, left out)
    Vocabulary v = new Vocabulary(new String[] {"\u0120the", "The", "\u0120cat", "s", "\u0120"}, new boolean[5],
        Vocabulary.Marker.BYTE_LEVEL_SPACE);
    IdCounts c = new IdCounts();
    c.add(0, 2);
    c.add(1, 1);
    c.add(2, 1);
    c.add(3, 1);
    c.add(4, 7);
    // strings: "the" (ids 0 and 1: 3 occurrences), "cat" (1), "s" (1); the word list has "the" and "cat"
    // type rate 2/3; token rate (3 + 1) / 5 = 0.8
    Double[] r = LexiconRates.of(c, v, Set.of("the", "cat"));
    assertEquals(2.0 / 3, r[0], 1e-12);
    assertEquals(0.8, r[1], 1e-12);
  }
}
