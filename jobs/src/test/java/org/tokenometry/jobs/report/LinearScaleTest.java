package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The robust linear colour scale (2nd to 98th percentile, nearest rank) and the axis ticks it shares with charts. */
class LinearScaleTest {
  static double[][] column(int n) {
    double[][] v = new double[n][1];
    for (int i = 0; i < n; i++) {
      v[i][0] = i + 1;
    }
    return v;
  }

  @Test
  void percentilesByNearestRank() {
    // 1..100: the 2nd percentile is the 2nd value, the 98th the 98th
    LinearScale s = LinearScale.over(column(100), null, "x", v -> "" + v);
    assertEquals(2, s.lo());
    assertEquals(98, s.hi());
    assertEquals(-1, s.clip(1));
    assertEquals(0, s.clip(50));
    assertEquals(1, s.clip(99));
    assertEquals("#ffffcc", s.fill(1));
    assertEquals("#253494", s.fill(100));
    // 50 (2 + 48 x 0.5) is the middle of the ramp: the third stop
    assertEquals("#41b6c4", s.fill(50));
  }

  @Test
  void fewerThanFiftyValuesAreNeverClipped() {
    LinearScale s49 = LinearScale.over(column(49), null, "x", v -> "" + v);
    assertEquals(1, s49.lo());
    assertEquals(49, s49.hi());
    // 50 values: ceil(0.98 x 50) = 49, the second largest; ceil(0.02 x 50) = 1, still the smallest
    LinearScale s50 = LinearScale.over(column(50), null, "x", v -> "" + v);
    assertEquals(1, s50.lo());
    assertEquals(49, s50.hi());
  }

  @Test
  void excludedAndMissingCellsDoNotCount() {
    double[][] v = {{1, 100}, {2, Double.NaN}, {3, 0.5}};
    boolean[][] excluded = {{false, true}, {false, false}, {false, true}};
    LinearScale s = LinearScale.over(v, excluded, "x", d -> "" + d);
    assertEquals(1, s.lo());
    assertEquals(3, s.hi());
  }

  @Test
  void ticksAreMultiplesOfTheStepSoTheLastReachesTheEnd() {
    // ten steps of 0.02 summed are 0.19999999999999998: the axis used to end at 0.22
    List<Double> t = Svg.ticks(0, 0.2, 5);
    assertEquals(11, t.size());
    assertEquals(0.2, t.get(10), 1e-15);
    assertEquals(0.2, Svg.niceMax(0.2), 1e-15);
    assertEquals(8, Svg.niceMax(7.6));
    assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0), Svg.ticks(0, 8, 4));
  }
}
