package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
  private static final long NO_LIMIT = Long.MAX_VALUE;

  private static long between(String a, String b, long limit) {
    return EditDistance.between(a.codePoints().toArray(), b.codePoints().toArray(), limit);
  }

  @Test
  void handWorkedDistances() {
    assertEquals(3, between("kitten", "sitting", NO_LIMIT)); // k->s, e->i, +g
    assertEquals(0, between("same", "same", NO_LIMIT));
    assertEquals(4, between("", "four", NO_LIMIT));
    assertEquals(2, between("flaw", "lawn", NO_LIMIT));       // -f, +n
    assertEquals(1, between("a\uD83D\uDE00b", "a\uD83D\uDE01b", NO_LIMIT)); // one code point, two UTF-16 units
  }

  /** The classic O(nm) dynamic program, the definition the fast method must reproduce. */
  private static int dynamicProgram(int[] a, int[] b) {
    int[] prev = new int[b.length + 1];
    int[] cur = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length; j++) {
        cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }

  @Test
  void equalsTheDynamicProgramOnRandomStrings() {
    Random r = new Random(7);
    for (int trial = 0; trial < 3000; trial++) {
      int alphabet = 2 + r.nextInt(4); // small alphabets: many equal runs, shifted matches, ties
      int[] a = r.ints(r.nextInt(40), 0, alphabet).toArray();
      int[] b = r.nextBoolean() ? r.ints(r.nextInt(40), 0, alphabet).toArray() : mutate(a, r.nextInt(6), alphabet, r);
      assertEquals(dynamicProgram(a, b), EditDistance.between(a, b, NO_LIMIT), "trial " + trial);
    }
  }

  private static int[] mutate(int[] a, int edits, int alphabet, Random r) {
    java.util.List<Integer> s = new java.util.ArrayList<>(java.util.Arrays.stream(a).boxed().toList());
    for (int e = 0; e < edits; e++) {
      int op = r.nextInt(3);
      if (op == 0 || s.isEmpty()) {
        s.add(r.nextInt(s.size() + 1), r.nextInt(alphabet));
      } else if (op == 1) {
        s.remove(r.nextInt(s.size()));
      } else {
        s.set(r.nextInt(s.size()), r.nextInt(alphabet));
      }
    }
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void aLongDocumentWithFewEditsIsCheapAndExact() {
    // 2 million random letters; 10 edits far apart (a substitution, an insertion, a deletion, ...): distance 10.
    // The dynamic program would need 4e12 cells; the diagonals need about 2e6 comparisons plus a few hundred.
    Random r = new Random(11);
    int n = 2_000_000;
    int[] a = r.ints(n, 'a', 'z' + 1).toArray();
    java.util.List<Integer> b = new java.util.ArrayList<>(n + 8);
    for (int x : a) {
      b.add(x);
    }
    for (int e = 0; e < 10; e++) {
      int at = 100_000 + e * 190_000; // editing from the end first keeps the earlier positions in place
      int pos = b.size() - at;
      switch (e % 3) {
        case 0 -> b.set(pos, (int) 'A'); // capitals never occur in a
        case 1 -> b.add(pos, (int) 'A');
        default -> b.remove(pos);
      }
    }
    int[] bb = b.stream().mapToInt(Integer::intValue).toArray();
    assertEquals(10, EditDistance.between(a, bb, 1L << 30));
  }

  @Test
  void reportsTooFarPastTheWorkLimit() {
    // after the common prefix "ab" and suffix "yz": "cdef" vs "CDEF", n + m = 8, distance 4
    assertEquals(4, between("abcdefyz", "abCDEFyz", 32));   // 32 / 8 = 4 edits allowed
    assertEquals(EditDistance.TOO_FAR, between("abcdefyz", "abCDEFyz", 31)); // 31 / 8 = 3
    assertEquals(EditDistance.TOO_FAR, between("", "four", 15)); // 15 / 4 = 3 < 4
    assertEquals(4, between("", "four", 16));
  }
}
