package org.tokenometry.jobs.tokenize;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.metrics.IdCounts;
import org.tokenometry.udfs.metrics.LanguageStats;

/**
 * The languages' summaries of one tokenizer x corpus and their id counts summed (for the vocabulary census), as
 * the merge combines them on the executors: the driver receives one id count per vocabulary entry per tokenizer
 * x corpus at most, not one per language.
 */
final class CorpusSummaries implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<LanguageStats.Summary> summaries = new ArrayList<>();
  /** Null for a tokenizer without a vocabulary. */
  private IdCounts ids;

  static CorpusSummaries of(LanguageStats.Summary s) {
    CorpusSummaries c = new CorpusSummaries();
    c.summaries.add(s.withoutIds());
    c.ids = s.ids();
    return c;
  }

  CorpusSummaries merge(CorpusSummaries o) {
    summaries.addAll(o.summaries);
    if (o.ids != null) {
      ids = ids == null ? o.ids : ids.merge(o.ids);
    }
    return this;
  }

  List<LanguageStats.Summary> summaries() {
    return summaries;
  }

  IdCounts ids() {
    return ids;
  }
}
