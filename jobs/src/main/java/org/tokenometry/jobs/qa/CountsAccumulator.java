package org.tokenometry.jobs.qa;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Named counts summed over tasks ({@link org.tokenometry.udfs.qa.LlmCounts#asMap()} of each task's client). A
 * result task's update is applied once, from its successful attempt, so retried tasks do not count twice.
 */
public final class CountsAccumulator extends AccumulatorV2<Map<String, Long>, Map<String, Long>> {
  private static final long serialVersionUID = 1L;

  private Map<String, Long> counts = new TreeMap<>();

  @Override
  public boolean isZero() {
    return counts.isEmpty();
  }

  @Override
  public AccumulatorV2<Map<String, Long>, Map<String, Long>> copy() {
    CountsAccumulator c = new CountsAccumulator();
    c.counts.putAll(counts);
    return c;
  }

  @Override
  public void reset() {
    counts = new TreeMap<>();
  }

  @Override
  public void add(Map<String, Long> partial) {
    partial.forEach((k, v) -> counts.merge(k, v, Long::sum));
  }

  @Override
  public void merge(AccumulatorV2<Map<String, Long>, Map<String, Long>> other) {
    add(other.value());
  }

  @Override
  public Map<String, Long> value() {
    return counts;
  }
}
