package org.tokenometry.jobs.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-source counts for the manifest and the console; {@code records} comes from the reader itself,
 * {@code documents} and {@code rejects} from the rows it emitted.
 */
public record SourceCounts(String source, String corpus, long records, long documents, long rejects,
    long blankLines, long repairedRecords, long repairedChars, long bytes) {

  public boolean balanced() {
    return records == documents + rejects;
  }

  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("records", records);
    m.put("documents", documents);
    m.put("rejects", rejects);
    m.put("blank_lines", blankLines);
    m.put("repaired_records", repairedRecords);
    m.put("repaired_chars", repairedChars);
    m.put("bytes", bytes);
    return m;
  }
}
