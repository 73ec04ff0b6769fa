package org.tokenometry.udfs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.tokenometry.udfs.tables.DocumentRow;
import org.tokenometry.udfs.tables.RejectRow;

/**
 * Test helper: runs the reader for a format over bytes, as the ingest task does (gzip by name, inside
 * {@link SourceIngestor#read}), keeps what it emits and checks records = documents + rejects every time.
 */
public final class Collected {
  public final List<DocumentRow> docs = new ArrayList<>();
  public final List<RejectRow> rejects = new ArrayList<>();
  public SourceStats stats;

  public static CorpusSpec spec(Mode mode) {
    return spec(mode, 1000);
  }

  public static CorpusSpec spec(Mode mode, long maxDocBytes) {
    return new CorpusSpec("test", "general", mode, "eng_Latn", "config", "text", null, null, false, " ", null,
        maxDocBytes, 64);
  }

  /** Record mode with id and lang columns ({@code lang_from: column}). */
  public static CorpusSpec records(String quote) {
    return new CorpusSpec("test", "general", Mode.RECORD, null, "column", "text", "id", "lang", false, " ", quote,
        1000, 8);
  }

  public static Collected read(CorpusSpec spec, String source, Format format, byte[] bytes) {
    return read(spec, source, format, new ByteArrayInputStream(bytes));
  }

  public static Collected read(CorpusSpec spec, String source, Format format, InputStream raw) {
    Collected c = new Collected();
    SourceIngestor ing = new SourceIngestor(spec, source, c::add);
    ing.read(() -> {
      InputStream in = source.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      switch (format) {
        case JSONL -> JsonLines.read(in, ing);
        case CSV, TSV -> DelimitedRecords.read(in, format, ing);
        default -> TextRecords.read(in, ing);
      }
    });
    ing.finish();
    c.assertBalanced();
    return c;
  }

  private void add(IngestRecord r) {
    int set = (r.document() != null ? 1 : 0) + (r.reject() != null ? 1 : 0) + (r.stats() != null ? 1 : 0);
    assertEquals(1, set, "exactly one part of an IngestRecord is set: " + r);
    if (r.document() != null) {
      docs.add(r.document());
    } else if (r.reject() != null) {
      rejects.add(r.reject());
    } else {
      stats = r.stats();
    }
  }

  /** records = documents + rejects: the invariant every ingest test checks. */
  public void assertBalanced() {
    assertNotNull(stats, "the source's stats were emitted");
    assertEquals(stats.records(), docs.size() + rejects.size(), "records = documents + rejects");
  }

  public Map<String, Long> reasons() {
    Map<String, Long> m = new TreeMap<>();
    rejects.forEach(r -> m.merge(r.reason(), 1L, Long::sum));
    return m;
  }

  public List<String> texts() {
    return docs.stream().map(DocumentRow::text).toList();
  }

  public RejectRow reject(long recordNo) {
    return rejects.stream().filter(r -> r.recordNo() == recordNo).findFirst()
        .orElseThrow(() -> new AssertionError("no reject #" + recordNo + " in " + rejects));
  }

  /** "reason#record_no" of every reject, in order. */
  public List<String> rejectKeys() {
    return rejects.stream().map(r -> r.reason() + "#" + r.recordNo()).toList();
  }
}
