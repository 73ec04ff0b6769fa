package org.tokenometry.jobs.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console summary after ingest, within 80 columns: one line per source (for long runs only the sources
 * with rejects or repairs, at most {@link #MAX_SOURCES}), a line per corpus, the total, and rejects by reason.
 */
final class IngestSummary {
  static final int MAX_SOURCES = 30;
  private static final String ROW = "%-38s %9s %9s %8s %9s";

  private IngestSummary() {}

  static String render(List<SourceCounts> sources, Map<String, Long> rejectsByReason) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(ROW, "source", "records", "docs", "rejects", "repaired")).append('\n');
    List<SourceCounts> shown = sources.size() <= MAX_SOURCES ? sources : sources.stream()
        .filter(s -> s.rejects() > 0 || s.repairedRecords() > 0).limit(MAX_SOURCES).toList();
    shown.forEach(s -> b.append(line(shorten(s.source(), 38), s.records(), s.documents(), s.rejects(),
        s.repairedRecords())));
    if (shown.size() < sources.size()) {
      b.append(String.format("(%d more sources not listed: all are in _manifest.json)%n",
          sources.size() - shown.size()));
    }
    Map<String, long[]> perCorpus = new LinkedHashMap<>();
    long[] total = new long[5];
    for (SourceCounts s : sources) {
      long[] c = perCorpus.computeIfAbsent(s.corpus(), k -> new long[5]);
      for (long[] t : new long[][] {c, total}) {
        t[0] += s.records();
        t[1] += s.documents();
        t[2] += s.rejects();
        t[3] += s.repairedRecords();
        t[4]++;
      }
    }
    if (perCorpus.size() > 1) {
      perCorpus.forEach((corpus, c) -> b.append(line(shorten("corpus " + corpus + " (" + c[4] + " files)", 38),
          c[0], c[1], c[2], c[3])));
    }
    b.append(line("total (" + total[4] + " files)", total[0], total[1], total[2], total[3]));
    if (rejectsByReason.isEmpty()) {
      b.append("rejects: none\n");
    } else {
      b.append("rejects by reason:\n");
      rejectsByReason.forEach((reason, n) -> b.append(String.format("  %-22s %9d%n", reason, n)));
    }
    return b.toString();
  }

  private static String line(String label, long records, long docs, long rejects, long repaired) {
    return String.format(ROW, label, records, docs, rejects, repaired) + "\n";
  }

  /** Keeps the end of a long URI (the file name is what a person recognises). */
  static String shorten(String s, int width) {
    String t = s.startsWith("file:") ? s.substring(5) : s;
    return t.length() <= width ? t : "..." + t.substring(t.length() - width + 3);
  }
}
