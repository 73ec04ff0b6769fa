package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdCountsTest {
  @Test
  void countsMergesRanksAndSurvivesSerialization() throws Exception {
    IdCounts a = new IdCounts();
    for (int id = 0; id < 1000; id++) { // forces several resizes
      a.add(id, id % 7 == 0 ? 3 : 1);
    }
    IdCounts b = new IdCounts();
    b.add(5, 10);
    b.add(200_000, 2);
    a.merge(b);
    assertEquals(1001, a.distinct());
    assertEquals(11, a.get(5));
    // 143 ids divisible by 7 count 3, the other 857 count 1, plus 10 + 2
    assertEquals(143 * 3 + 857 + 12, a.total());
    assertArrayEquals(new long[] {5, 11}, a.top(2).get(0));
    assertArrayEquals(new long[] {0, 3}, a.top(2).get(1));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(a);
    }
    IdCounts back = (IdCounts) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertEquals(a.total(), back.total());
    assertEquals(2, back.get(200_000));
  }

  @Test
  void topEqualsTheHeadOfAFullSort() {
    Random r = new Random(7);
    IdCounts c = new IdCounts();
    for (int i = 0; i < 20_000; i++) {
      c.add(r.nextInt(3000), 1 + r.nextInt(3)); // many ties
    }
    List<long[]> all = new ArrayList<>();
    c.forEach((id, n) -> all.add(new long[] {id, n}));
    all.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
    for (int n : new int[] {1, 20, 2999, 5000}) {
      List<long[]> top = c.top(n);
      assertEquals(Math.min(n, all.size()), top.size());
      for (int i = 0; i < top.size(); i++) {
        assertArrayEquals(all.get(i), top.get(i), "rank " + i + " of top " + n);
      }
    }
    assertEquals(0, c.top(0).size());
  }

  @Test
  void serializedFormIsExactAndAboutTwoBytesAnEntry() throws Exception {
    IdCounts a = new IdCounts();
    for (int id = 0; id < 1000; id++) {
      a.add(id * 3, 1 + id % 3); // gaps of 3, counts 1..3: one byte each
    }
    a.add(2_000_000_000, 1L << 40); // a far id and a huge count
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(a);
    }
    IdCounts back = (IdCounts) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertEquals(a.distinct(), back.distinct());
    a.forEach((id, n) -> assertEquals(n, back.get(id), "id " + id));
    // 1000 entries of 2 bytes plus the far one (5 + 6 bytes) and the stream's class description
    assertTrue(bytes.size() < 2000 + 200, bytes.size() + " bytes");
  }

  @Test
  void clearForgetsIdsAndCounts() {
    IdCounts a = new IdCounts();
    a.add(7, 5);
    a.clear();
    assertEquals(0, a.distinct());
    a.add(7, 1);
    assertEquals(1, a.get(7));
    assertEquals(1, a.total());
  }
}
