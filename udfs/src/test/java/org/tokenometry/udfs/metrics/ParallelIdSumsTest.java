package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParallelIdSumsTest {
  /** A group's parallel documents as (id, tokens) pairs, added in the given order; bytes = 3 x tokens. */
  private static ParallelTotals group(Object... idTokens) {
    ParallelTotals g = new ParallelTotals();
    for (int i = 0; i < idTokens.length; i += 2) {
      ParallelTotals one = new ParallelTotals();
      one.add((Integer) idTokens[i + 1], 3L * (Integer) idTokens[i + 1], ParallelIdSums.hashes((String) idTokens[i]));
      g.merge(one);
    }
    return g;
  }

  private static GroupKey key(String corpus, String lang) {
    return new GroupKey("t", corpus, "general", lang);
  }

  @Test
  void languagesWithThePivotsIdsNeedNoJoin() {
    Map<GroupKey, ParallelTotals> groups = new HashMap<>();
    groups.put(key("c", "eng"), group("1", 10, "2", 20));
    groups.put(key("c", "fra"), group("2", 25, "1", 15)); // same ids, another order
    ParallelIdSums.Split s = ParallelIdSums.fromGroups(groups, "eng");
    assertEquals(Set.of(), s.needJoin());
    assertArrayEquals(new long[] {40, 30, 120, 90}, s.sums().get(key("c", "fra")));
    assertArrayEquals(new long[] {30, 30, 90, 90}, s.sums().get(key("c", "eng")));
  }

  @Test
  void aCorpusWithOtherIdsIsLeftToTheJoin() {
    Map<GroupKey, ParallelTotals> groups = new HashMap<>();
    groups.put(key("c", "eng"), group("1", 10, "2", 20));
    groups.put(key("c", "fra"), group("1", 15, "2", 25));
    groups.put(key("c", "deu"), group("1", 12, "3", 22)); // as many ids, not the same
    groups.put(key("d", "eng"), group("1", 10, "2", 20));
    groups.put(key("d", "fra"), group("1", 15, "2", 25, "2", 5)); // "2" twice: the multiset differs
    groups.put(key("e", "eng"), group("1", 10));
    groups.put(key("e", "fra"), group("1", 11));
    groups.put(key("f", "fra"), group("1", 11)); // no pivot: no premium at all
    ParallelIdSums.Split s = ParallelIdSums.fromGroups(groups, "eng");
    assertEquals(Set.of("c", "d"), s.needJoin());
    assertEquals(Set.of(key("e", "eng"), key("e", "fra")), s.sums().keySet());
  }

  @Test
  void hashesDependOnEveryByte() {
    assertNotEquals(ParallelIdSums.hashes("par:12")[0], ParallelIdSums.hashes("par:21")[0]);
    assertNotEquals(ParallelIdSums.hashes("par:12")[1], ParallelIdSums.hashes("par:21")[1]);
    assertNotEquals(ParallelIdSums.hashes("")[0], ParallelIdSums.hashes("\u0000")[0]);
  }
}
