package org.tokenometry.udfs.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tokenometry.udfs.tables.DocumentRow;

/** Test helper: runs a reader over bytes and keeps what it emits. */
final class Collected implements IngestSink {
  final List<DocumentRow> docs = new ArrayList<>();
  final List<Reject> rejects = new ArrayList<>();
  SourceIngestor ingestor;

  static CorpusSpec spec(Mode mode) {
    return new CorpusSpec("test", "general", mode, "eng_Latn", "config", "text", null, null, false, " ", 1000, 64);
  }

  static Collected read(CorpusSpec spec, String source, Format format, byte[] bytes) {
    return read(spec, source, format, new ByteArrayInputStream(bytes));
  }

  static Collected read(CorpusSpec spec, String source, Format format, InputStream in) {
    Collected c = new Collected();
    c.ingestor = new SourceIngestor(spec, source, c);
    TextRecords.ingest(in, format, c.ingestor);
    return c;
  }

  SourceStats stats() {
    return ingestor.stats();
  }

  Map<String, Long> reasons() {
    Map<String, Long> m = new TreeMap<>();
    rejects.forEach(r -> m.merge(r.reason().code(), 1L, Long::sum));
    return m;
  }

  List<String> texts() {
    return docs.stream().map(DocumentRow::text).toList();
  }

  @Override
  public void document(DocumentRow doc) {
    docs.add(doc);
  }

  @Override
  public void reject(Reject reject) {
    rejects.add(reject);
  }
}
