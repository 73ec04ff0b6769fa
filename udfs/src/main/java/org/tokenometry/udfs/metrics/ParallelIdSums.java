package org.tokenometry.udfs.metrics;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Premiums without the join, where that is exact. A premium sums a language's and the pivot's tokens over the
 * parallel ids both have (DESIGN §3). When a language has exactly the pivot's parallel ids, those sums are
 * just the two groups' token totals over their parallel documents, which the pass already has. Each group
 * carries its ids' multiset as two 64-bit hash sums (order-free, mergeable across partitions); equal
 * fingerprints and counts mean the same ids (a chance collision needs both 64-bit sums to agree). A corpus
 * with any group whose ids differ from the pivot's (a line the pivot lacks, as FLORES-style corpora never
 * have) goes through the join over {@code doc_tokens} instead.
 */
public final class ParallelIdSums {
  private ParallelIdSums() {}

  /** The two hashes of one parallel id. */
  public static long[] hashes(String parallelId) {
    byte[] b = parallelId.getBytes(StandardCharsets.UTF_8);
    long h1 = 0x243F6A8885A308D3L;
    long h2 = 0x13198A2E03707344L;
    for (byte x : b) {
      h1 = (h1 ^ (x & 0xFF)) * 0x100000001B3L;
      h2 = (h2 + (x & 0xFF)) * 0x9E3779B97F4A7C15L;
    }
    return new long[] {mix(h1 ^ b.length), mix(h2 + 31L * b.length)};
  }

  private static long mix(long z) { // splitmix64's finalizer
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Positions in a group's premium sums (here and in the join over {@code doc_tokens}). */
  public static final int LANG_TOKENS = 0;
  public static final int PIVOT_TOKENS = 1;
  public static final int LANG_BYTES = 2;
  public static final int PIVOT_BYTES = 3;

  /**
   * The result of {@link #fromGroups}: premium sums of the corpora it could settle ({@link #LANG_TOKENS},
   * {@link #PIVOT_TOKENS}, {@link #LANG_BYTES}, {@link #PIVOT_BYTES}), and the others.
   */
  public record Split(Map<GroupKey, long[]> sums, Set<String> needJoin) {}

  /**
   * Per (tokenizer, corpus, domain, lang) with parallel documents: the language's and the pivot's tokens and
   * bytes ({@link #LANG_TOKENS} ...) for every corpus whose groups all hold exactly the pivot's parallel ids; the other corpora are
   * named for the join. A corpus without pivot documents has no premiums (the join finds no ids either).
   */
  public static Split fromGroups(Map<GroupKey, ParallelTotals> groups, String pivotLang) {
    Map<List<String>, ParallelTotals> pivots = pivots(groups, pivotLang);
    Set<String> needJoin = new TreeSet<>();
    Map<GroupKey, long[]> sums = new HashMap<>();
    groups.forEach((k, g) -> {
      ParallelTotals p = pivots.get(pivotKey(k));
      if (g.docs == 0 || p == null) {
        return;
      }
      if (!g.sameIds(p)) {
        needJoin.add(k.corpus());
      } else {
        sums.put(k, new long[] {g.tokens, p.tokens, g.bytes, p.bytes});
      }
    });
    sums.keySet().removeIf(k -> needJoin.contains(k.corpus()));
    return new Split(sums, needJoin);
  }

  /** (tokenizer, corpus) → its pivot-language groups with parallel documents, merged over domains. */
  static Map<List<String>, ParallelTotals> pivots(Map<GroupKey, ParallelTotals> groups, String pivotLang) {
    Map<List<String>, ParallelTotals> pivots = new HashMap<>();
    groups.forEach((k, g) -> {
      if (k.lang().equals(pivotLang) && g.docs > 0) {
        pivots.computeIfAbsent(pivotKey(k), x -> new ParallelTotals()).merge(g);
      }
    });
    return pivots;
  }

  static List<String> pivotKey(GroupKey k) {
    return List.of(k.tokenizer(), k.corpus());
  }
}
