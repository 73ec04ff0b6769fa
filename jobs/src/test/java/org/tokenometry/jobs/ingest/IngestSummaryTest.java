package org.tokenometry.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestSummaryTest {
  @Test
  void longRunsListOnlyTroubledSourcesAndFitIn80Columns() {
    List<SourceCounts> sources = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sources.add(new SourceCounts("file:/very/long/path/to/the/corpus/folder/lang_" + i + ".dev", "flores", 10,
          i == 7 ? 9 : 10, i == 7 ? 1 : 0, 0, 0, 0, 100));
    }
    sources.add(new SourceCounts("file:/d/x.txt", "other", 1, 1, 0, 0, 1, 4, 10));
    String out = IngestSummary.render(sources, Map.of("empty_text", 1L));
    List<String> lines = out.lines().toList();
    // 38-column source field: "..." + the last 35 characters of the path
    assertTrue(lines.stream().allMatch(l -> l.length() <= 80), out);
    assertEquals(List.of(
        "source                                   records      docs  rejects  repaired",
        "...ath/to/the/corpus/folder/lang_7.dev        10         9        1         0",
        "/d/x.txt                                       1         1        0         1",
        "(99 more sources not listed: all are in _manifest.json)",
        "corpus flores (100 files)                   1000       999        1         0",
        "corpus other (1 files)                         1         1        0         1",
        "total (101 files)                           1001      1000        1         1",
        "rejects by reason:",
        "  empty_text                     1"), lines);
  }
}
