package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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
}
