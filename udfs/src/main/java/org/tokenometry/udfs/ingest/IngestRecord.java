package org.tokenometry.udfs.ingest;

import java.io.Serializable;
import org.tokenometry.udfs.tables.DocumentRow;
import org.tokenometry.udfs.tables.RejectRow;

/**
 * What reading a source yields, one at a time: a document, a reject, or (once per source, last) its stats.
 * Exactly one component is set. The reading task emits these as rows of three structs, so one pass gives the
 * {@code documents} table ({@code document.*}), the {@code rejects} table ({@code reject.*}) and the counts.
 */
public record IngestRecord(DocumentRow document, RejectRow reject, SourceStats stats) implements Serializable {
  public static IngestRecord of(DocumentRow document) {
    return new IngestRecord(document, null, null);
  }

  public static IngestRecord of(RejectRow reject) {
    return new IngestRecord(null, reject, null);
  }

  public static IngestRecord of(SourceStats stats) {
    return new IngestRecord(null, null, stats);
  }
}
