package org.tokenometry.udfs.ingest;

import java.io.Serializable;

/**
 * Counts of one source, kept by the reader itself. {@code records} is what the reader saw; documents and
 * rejects are counted separately from the rows emitted, so records = documents + rejects is a real check.
 */
public final class SourceStats implements Serializable {
  long records;
  long documents;
  long rejects;
  long repairedRecords;
  long repairedChars;

  public long records() {
    return records;
  }

  public long documents() {
    return documents;
  }

  public long rejects() {
    return rejects;
  }

  public long repairedRecords() {
    return repairedRecords;
  }

  public long repairedChars() {
    return repairedChars;
  }

  @Override
  public String toString() {
    return "records=" + records + " documents=" + documents + " rejects=" + rejects + " repaired_records="
        + repairedRecords + " repaired_chars=" + repairedChars;
  }
}
