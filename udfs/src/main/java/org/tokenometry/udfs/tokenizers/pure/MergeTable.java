package org.tokenometry.udfs.tokenizers.pure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.tokenometry.udfs.tokenizers.MergeList;
import org.tokenometry.udfs.tokenizers.VocabIds;

/**
 * BPE merges as an open-addressing map (left id, right id) → rank, with the merged id looked up by rank. Each
 * slot is one long holding both the pair and its rank, so a lookup touches one cache line of a table that is
 * megabytes large for 100k-300k merges: the merge loop is bound by these lookups on words the cache misses.
 */
final class MergeTable {
  static final int ID_BITS = 21;
  static final int RANK_BITS = 64 - 2 * ID_BITS;
  private static final long RANK_MASK = (1L << RANK_BITS) - 1;
  private static final long EMPTY = -1L; // pair (2^21-1, 2^21-1), which no accepted id reaches
  private final long[] slots;
  private final int[] mergedByRank;
  private final int shift;
  private final int mask;
  // One bit per hash value of ~4 per pair, set for every pair that merges: a clear bit answers "never merges"
  // from a table small enough to stay in the CPU's L2, where the slots would miss it. Half or more of the
  // lookups of a BPE loop are such pairs (every pair left over at the end of a word is one).
  private final long[] filter;
  private final int filterShift;

  MergeTable(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2)) << 1;
    slots = new long[cap];
    Arrays.fill(slots, EMPTY);
    mergedByRank = new int[Math.max(1, expected)];
    shift = 64 - Integer.numberOfTrailingZeros(cap);
    mask = cap - 1;
    int filterBits = Math.max(64, Integer.highestOneBit(Math.max(1, expected) * 4 - 1) << 1);
    filter = new long[filterBits >>> 6];
    filterShift = 64 - Integer.numberOfTrailingZeros(filterBits);
  }

  private static long key(int left, int right) {
    return ((long) left << ID_BITS) | right;
  }

  private int home(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }

  /** A pair listed twice keeps its last rank, as the Hugging Face loader's map insertion does. */
  void put(int left, int right, int rank, int result) {
    if (left < 0 || right < 0 || left >= (1 << ID_BITS) - 1 || right >= (1 << ID_BITS) - 1) {
      throw new IllegalArgumentException("merge of ids " + left + ", " + right + ": ids must be below "
          + ((1 << ID_BITS) - 1));
    }
    if (rank < 0 || rank > RANK_MASK) {
      throw new IllegalArgumentException("merge rank " + rank + ": at most " + RANK_MASK + " merges");
    }
    if (rank >= mergedByRank.length) {
      throw new IllegalArgumentException("merge rank " + rank + " beyond the " + mergedByRank.length
          + " merges this table was sized for");
    }
    long k = key(left, right);
    int i = home(k);
    while (slots[i] != EMPTY && (slots[i] >>> RANK_BITS) != k) {
      i = (i + 1) & mask;
    }
    slots[i] = (k << RANK_BITS) | rank;
    mergedByRank[rank] = result;
    int bit = (int) ((k * 0x9E3779B97F4A7C15L) >>> filterShift);
    filter[bit >>> 6] |= 1L << bit;
  }

  /** Rank of the pair, or -1 when the pair never merges. */
  int rankOf(int left, int right) {
    long k = key(left, right);
    long h = k * 0x9E3779B97F4A7C15L;
    int bit = (int) (h >>> filterShift);
    if ((filter[bit >>> 6] & (1L << bit)) == 0) {
      return -1;
    }
    int i = (int) (h >>> shift);
    while (true) {
      long cur = slots[i];
      if ((cur >>> RANK_BITS) == k) {
        return (int) (cur & RANK_MASK);
      }
      if (cur == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Id of the token a merge of this rank produces. */
  int mergedOf(int rank) {
    return mergedByRank[rank];
  }

  /** Slot of the pair, or -1 when the pair never merges. */
  int find(int left, int right) {
    long k = key(left, right);
    int i = home(k);
    while (true) {
      long cur = slots[i];
      if ((cur >>> RANK_BITS) == k) {
        return i;
      }
      if (cur == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  int rank(int slot) {
    return (int) (slots[slot] & RANK_MASK);
  }

  int merged(int slot) {
    return mergedByRank[rank(slot)];
  }

  /** Sees each merge's parts in rank order as regions of the file's strings: left[0, leftEnd), right[rightFrom, end). */
  interface Parts {
    void accept(String left, int leftEnd, String right, int rightFrom);
  }

  /**
   * The merge list as a table; {@code parts}, when not null, sees each merge once its tokens are found. A merge
   * written "a b" is looked up as regions of that one string, so no String is built per part or for "ab".
   */
  static MergeTable load(MergeList list, VocabIds vocab, Parts parts) {
    MergeTable table = new MergeTable(list.size());
    for (int rank = 0; rank < list.size(); rank++) {
      String left;
      String right;
      int leftEnd;
      int rightFrom;
      String text = list.text(rank);
      JsonNode other = list.other(rank);
      boolean pair = text == null && (other == null || other.isArray());
      if (other != null && other.isArray()) { // an array other than two strings, read as a tree always was
        left = other.get(0).asText();
        right = other.get(1).asText();
      } else if (pair) { // ["a", "b"]
        left = list.pairLeft(rank);
        right = list.pairRight(rank);
      } else { // "a b", or any other value read as text
        left = text != null ? text : other.asText();
        right = left;
      }
      if (pair) {
        leftEnd = left.length();
        rightFrom = 0;
      } else {
        leftEnd = left.indexOf(' ', 1);
        if (leftEnd < 0) {
          throw Unsupported.feature("merge '" + left + "' without a separator");
        }
        rightFrom = leftEnd + 1;
      }
      int a = vocab.get(left, 0, leftEnd);
      int b = vocab.get(right, rightFrom, right.length());
      int ab = vocab.get(left, 0, leftEnd, right, rightFrom, right.length());
      if (a < 0 || b < 0 || ab < 0) {
        throw new IllegalArgumentException("merge '" + left.substring(0, leftEnd) + " " + right.substring(rightFrom)
            + "' (rank " + rank + ") refers to tokens missing from the vocabulary");
      }
      table.put(a, b, rank, ab);
      if (parts != null) {
        parts.accept(left, leftEnd, right, rightFrom);
      }
    }
    return table;
  }
}
