package org.tokenometry.udfs.metrics;

import java.util.Arrays;
import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * A tokenizer's id occurrences since the last {@link #drainInto}: a dense count per id and the list of ids
 * seen, so counting a token is an array increment instead of a hash-table probe. The pass drains it into the
 * group's {@link IdCounts} when the group changes, which costs one probe per distinct id instead of one per
 * token. Ids beyond a dense array's reach (the {@code words} baseline hashes its segments to 31-bit ids) go
 * straight to a hash table. One thread at a time.
 */
public final class IdTally {
  private static final int MAX_DENSE = 1 << 21; // every code point (the chars baseline) fits
  private final boolean dense;
  private int[] counts;
  private int[] seen = new int[256];
  private int nSeen;
  private final IdCounts sparse;

  /** {@code vocabSize}: the tokenizer's, -1 when unbounded (ids are then hashes). */
  public IdTally(int vocabSize) {
    dense = vocabSize > 0 && vocabSize <= MAX_DENSE;
    counts = new int[dense ? Math.min(vocabSize, 1 << 16) : 0];
    sparse = dense ? null : new IdCounts();
  }

  public void add(int id) {
    int[] c = counts;
    if (id >= 0 && id < c.length) {
      if (c[id]++ == 0) {
        firstSeen(id);
      }
    } else if (!dense) {
      sparse.add(id, 1);
    } else {
      grow(id);
      add(id);
    }
  }

  /** Adds every token of {@code enc} but the special ones (this loop, not a call per token, is the hot path). */
  public void addAll(Encoding enc) {
    int[] ids = enc.ids();
    byte[] flags = enc.flags();
    int[] c = counts;
    for (int t = 0, n = enc.size(); t < n; t++) {
      int id = ids[t];
      if ((flags[t] & Encoding.SPECIAL) != 0) {
        continue;
      }
      if (id >= 0 && id < c.length) {
        if (c[id]++ == 0) {
          firstSeen(id);
        }
      } else {
        add(id);
        c = counts;
      }
    }
  }

  private void firstSeen(int id) {
    if (nSeen == seen.length) {
      seen = Arrays.copyOf(seen, nSeen * 2);
    }
    seen[nSeen++] = id;
  }

  private void grow(int id) {
    if (id < 0 || id >= MAX_DENSE) {
      throw new IllegalArgumentException("token id " + id + " outside 0.." + (MAX_DENSE - 1));
    }
    counts = Arrays.copyOf(counts, Math.min(MAX_DENSE, Math.max(id + 1, counts.length * 2)));
  }

  /** Adds every count to {@code target} and starts over. */
  public void drainInto(IdCounts target) {
    if (!dense) {
      target.merge(sparse);
      sparse.clear();
      return;
    }
    for (int i = 0; i < nSeen; i++) {
      int id = seen[i];
      target.add(id, counts[id]);
      counts[id] = 0;
    }
    nSeen = 0;
  }
}
