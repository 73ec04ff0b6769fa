package org.tokenometry.udfs.ingest;

/** Where a {@link SourceIngestor} sends what it makes of each record. */
public interface IngestSink {
  void document(Document doc);

  void reject(Reject reject);
}
