package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PremiumSplitTest {
  // three replicates with fixed weights: id 1 counts (1, 2, 0) times, id 2 (1, 0, 3), id 3 (2, 2, 2)
  static final Map<String, byte[]> W = Map.of("1", new byte[] {1, 2, 0}, "2", new byte[] {1, 0, 3},
      "3", new byte[] {2, 2, 2});

  /** A group's parallel totals and bootstrap replicates, as the pass keeps them. */
  record Group(ParallelTotals parallel, BootstrapSums bootstrap) {
    Group() {
      this(new ParallelTotals(), new BootstrapSums());
    }

    /** One parallel document of id {@code id}, added the way the pass adds it. */
    Group add(String id, long tokens, long bytes) {
      parallel.add(tokens, bytes, ParallelIdSums.hashes(id));
      bootstrap.add(W.get(id), true, tokens, bytes);
      return this;
    }
  }

  static Map<GroupKey, PremiumSplit> byGroup(Map<GroupKey, Group> groups, Map<GroupKey, long[]> sums) {
    Map<GroupKey, ParallelTotals> parallel = new HashMap<>();
    Map<GroupKey, BootstrapSums> replicates = new HashMap<>();
    groups.forEach((k, g) -> {
      parallel.put(k, g.parallel());
      replicates.put(k, g.bootstrap());
    });
    return PremiumSplit.byGroup(parallel, replicates, sums, "eng");
  }

  static GroupKey key(String corpus, String domain, String lang) {
    return new GroupKey("t", corpus, domain, lang);
  }

  /*
   * eng: id 1 = 10 tokens, 40 bytes; id 2 = 20, 60. fra: id 1 = 15, 50; id 2 = 25, 70.
   * premium 40/30, byte premium 120/100, tokenizer premium (4/3)/1.2 = 10/9.
   * Replicates (tokens fra/eng; bytes fra/eng; quotient):
   *   r0 (1,1): 40/30 = 1.33333; 120/100 = 1.2;     1.11111
   *   r1 (2,0): 30/20 = 1.5;     100/80 = 1.25;     1.2
   *   r2 (0,3): 75/60 = 1.25;    210/180 = 1.16667; 1.07143
   * Three values sorted v0 ≤ v1 ≤ v2: low = v0 + 0.05 (v1 − v0), high = v1 + 0.95 (v2 − v1).
   */
  static void assertFraSplit(PremiumSplit s) {
    assertEquals(4.0 / 3, s.premium(), 1e-12);
    assertEquals(1.25 + 0.05 * (4.0 / 3 - 1.25), s.premiumCiLow(), 1e-12);
    assertEquals(4.0 / 3 + 0.95 * (1.5 - 4.0 / 3), s.premiumCiHigh(), 1e-12);
    assertEquals(1.2, s.bytePremium(), 1e-12);
    assertEquals(7.0 / 6 + 0.05 * (1.2 - 7.0 / 6), s.bytePremiumCiLow(), 1e-12);
    assertEquals(1.2 + 0.95 * (1.25 - 1.2), s.bytePremiumCiHigh(), 1e-12);
    assertEquals(10.0 / 9, s.tokenizerPremium(), 1e-12);
    assertEquals(15.0 / 14 + 0.05 * (10.0 / 9 - 15.0 / 14), s.tokenizerPremiumCiLow(), 1e-12);
    assertEquals(10.0 / 9 + 0.95 * (1.2 - 10.0 / 9), s.tokenizerPremiumCiHigh(), 1e-12);
  }

  @Test
  void handComputedSplitAndIntervals() {
    Group eng = new Group().add("1", 10, 40).add("2", 20, 60);
    Group fra = new Group().add("1", 15, 50).add("2", 25, 70);
    assertFraSplit(PremiumSplit.of(new long[] {40, 30, 120, 100}, fra.bootstrap(), eng.bootstrap()));
  }

  @Test
  void byGroupMergesThePivotOverDomainsAndKeepsIntervalsWhereTheIdsMatch() {
    Map<GroupKey, Group> groups = new HashMap<>();
    groups.put(key("c", "a", "eng"), new Group().add("1", 10, 40));
    groups.put(key("c", "b", "eng"), new Group().add("2", 20, 60)); // the pivot's other domain
    groups.put(key("c", "a", "fra"), new Group().add("1", 15, 50).add("2", 25, 70));
    groups.put(key("c", "a", "deu"), new Group().add("1", 12, 44).add("3", 30, 90)); // id 3: not the pivot's
    // the sums as ParallelIdSums or the join gives them; deu's over its common id 1 only
    Map<GroupKey, long[]> sums = new HashMap<>();
    sums.put(key("c", "a", "fra"), new long[] {40, 30, 120, 100});
    sums.put(key("c", "a", "deu"), new long[] {12, 10, 44, 40});
    sums.put(key("c", "a", "eng"), new long[] {10, 30, 40, 100});
    Map<GroupKey, PremiumSplit> split = byGroup(groups, sums);
    assertFraSplit(split.get(key("c", "a", "fra")));
    PremiumSplit deu = split.get(key("c", "a", "deu"));
    assertEquals(1.2, deu.premium(), 1e-12);
    assertEquals(1.1, deu.bytePremium(), 1e-12);
    assertEquals(1.2 / 1.1, deu.tokenizerPremium(), 1e-12);
    assertNull(deu.premiumCiLow()); // its weighted sums run over id 3 too: no interval
    assertNull(deu.bytePremiumCiHigh());
    assertNull(deu.tokenizerPremiumCiLow());
    assertNull(split.get(key("c", "a", "eng")).premiumCiLow()); // one domain of the pivot: not all its ids
  }

  @Test
  void aByteTokenizersPremiumIsItsBytePremiumInEveryReplicate() {
    // the pass's own path: GroupStats.add with each document's weights, ParallelIdSums, then byGroup. With one
    // token a byte, tokens and bytes are the same sums: premium = byte premium, tokenizer premium = 1 exactly
    org.tokenometry.udfs.tokenizers.Tokenizer bytes = new org.tokenometry.udfs.tokenizers.Utf8BytesTokenizer();
    String[][] docs = {
        {"p:1", "eng", "The cat sat."}, {"p:1", "tur", "Kedi oturdu."},
        {"p:2", "eng", "It rained all day."}, {"p:2", "tur", "Bütün gün yağmur yağdı."},
        {"p:3", "eng", "Where is the station?"}, {"p:3", "tur", "İstasyon nerede?"}};
    Map<GroupKey, GroupStats> groups = new HashMap<>();
    for (String[] d : docs) {
      DocumentText text = DocumentText.of(d[2]);
      groups.computeIfAbsent(key("c", "general", d[1]), k -> new GroupStats()).add(text.facts(),
          TokenizedDocument.of(text, bytes.encode(d[2])), ParallelIdSums.hashes(d[0]),
          BootstrapWeights.of(d[0], 200, 42));
    }
    Map<GroupKey, ParallelTotals> parallel = new HashMap<>();
    Map<GroupKey, BootstrapSums> replicates = new HashMap<>();
    groups.forEach((k, g) -> {
      parallel.put(k, g.parallel());
      replicates.put(k, g.bootstrap());
    });
    ParallelIdSums.Split sums = ParallelIdSums.fromGroups(parallel, "eng");
    PremiumSplit tur = PremiumSplit.byGroup(parallel, replicates, sums.sums(), "eng")
        .get(key("c", "general", "tur"));
    // UTF-8 bytes: tur 12 + 29 + 17 = 58 (23 characters + 3 ü, 2 ğ, 1 ı; İ is 2 bytes); eng 12 + 18 + 21 = 51
    assertEquals(58.0 / 51, tur.premium(), 1e-12);
    assertEquals(58.0 / 51, tur.bytePremium(), 1e-12);
    assertEquals(1.0, tur.tokenizerPremium(), 1e-12);
    assertEquals(tur.premiumCiLow(), tur.bytePremiumCiLow(), 0);
    assertEquals(tur.premiumCiHigh(), tur.bytePremiumCiHigh(), 0);
    assertEquals(1.0, tur.tokenizerPremiumCiLow(), 1e-12);
    assertEquals(1.0, tur.tokenizerPremiumCiHigh(), 1e-12);
    assertTrue(tur.premiumCiLow() < tur.premium() && tur.premium() < tur.premiumCiHigh());
  }

  @Test
  void sumsWithoutBytesLeaveTheByteSplitEmpty() {
    PremiumSplit s = PremiumSplit.of(new long[] {40, 30}, null, null);
    assertEquals(4.0 / 3, s.premium(), 1e-12);
    assertNull(s.bytePremium());
    assertNull(s.tokenizerPremium());
    assertNull(s.premiumCiLow());
    PremiumSplit none = PremiumSplit.of(new long[] {5, 0, 7, 0}, null, null);
    assertNull(none.premium());
    assertNull(none.bytePremium());
  }
}
