package org.tokenometry.jobs.tokenize;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;
import org.tokenometry.udfs.metrics.GroupKey;
import org.tokenometry.udfs.metrics.GroupStats;

/**
 * The per-group aggregates of the tokenize pass, merged on the driver as each task ends. Fed from the pass
 * that writes {@code doc_tokens}, so documents are read and tokenized once and nothing is cached. Spark
 * applies a result task's accumulator update once per partition (failed and re-run attempts do not count
 * twice), which is why the pass must be the last stage of the write job (no shuffle after it).
 */
public final class GroupStatsAccumulator extends AccumulatorV2<Map<GroupKey, GroupStats>, Map<GroupKey, GroupStats>> {
  private static final long serialVersionUID = 1L;

  private Map<GroupKey, GroupStats> groups = new HashMap<>();

  @Override
  public boolean isZero() {
    return groups.isEmpty();
  }

  @Override
  public AccumulatorV2<Map<GroupKey, GroupStats>, Map<GroupKey, GroupStats>> copy() {
    GroupStatsAccumulator c = new GroupStatsAccumulator();
    groups.forEach((k, v) -> c.groups.put(k, new GroupStats().merge(v)));
    return c;
  }

  @Override
  public void reset() {
    groups = new HashMap<>();
  }

  @Override
  public void add(Map<GroupKey, GroupStats> partial) {
    partial.forEach((k, v) -> groups.merge(k, v, GroupStats::merge));
  }

  @Override
  public void merge(AccumulatorV2<Map<GroupKey, GroupStats>, Map<GroupKey, GroupStats>> other) {
    add(other.value());
  }

  @Override
  public Map<GroupKey, GroupStats> value() {
    return groups;
  }
}
