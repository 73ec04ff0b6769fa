package org.tokenometry.jobs.ingest;

import java.util.List;
import java.util.Map;

/** The console summary after ingest: one line per source (at most {@link #MAX_SOURCES}), rejects by reason. */
final class IngestSummary {
  static final int MAX_SOURCES = 30;
  private static final String ROW = "%-38s %9s %9s %8s %9s";

  private IngestSummary() {}

  static String render(List<SourceCounts> sources, Map<String, Long> rejectsByReason) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(ROW, "source", "records", "docs", "rejects", "repaired")).append('\n');
    long[] total = new long[4];
    for (int i = 0; i < sources.size(); i++) {
      SourceCounts s = sources.get(i);
      total[0] += s.records();
      total[1] += s.documents();
      total[2] += s.rejects();
      total[3] += s.repairedRecords();
      if (i < MAX_SOURCES) {
        b.append(String.format(ROW, shorten(s.source(), 38), s.records(), s.documents(), s.rejects(),
            s.repairedRecords())).append('\n');
      }
    }
    if (sources.size() > MAX_SOURCES) {
      b.append(String.format("... %d more sources (all are in _manifest.json)%n", sources.size() - MAX_SOURCES));
    }
    b.append(String.format(ROW, "total (" + sources.size() + " sources)", total[0], total[1], total[2], total[3]))
        .append('\n');
    if (rejectsByReason.isEmpty()) {
      b.append("rejects: none\n");
    } else {
      b.append("rejects by reason:\n");
      rejectsByReason.forEach((reason, n) -> b.append(String.format("  %-22s %9d%n", reason, n)));
    }
    return b.toString();
  }

  /** Keeps the end of a long URI (the file name is what a person recognises). */
  static String shorten(String s, int width) {
    String t = s.startsWith("file:") ? s.substring(5) : s;
    return t.length() <= width ? t : "..." + t.substring(t.length() - width + 3);
  }
}
