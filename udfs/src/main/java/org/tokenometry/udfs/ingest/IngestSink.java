package org.tokenometry.udfs.ingest;


import org.tokenometry.udfs.tables.DocumentRow;
/** Where a {@link SourceIngestor} sends what it makes of each record. */
public interface IngestSink {
  void document(DocumentRow doc);

  void reject(Reject reject);
}
