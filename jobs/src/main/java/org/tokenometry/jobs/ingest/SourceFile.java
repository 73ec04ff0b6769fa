package org.tokenometry.jobs.ingest;

import java.io.Serializable;
import org.tokenometry.udfs.ingest.Format;
import org.tokenometry.udfs.ingest.RejectReason;

/**
 * One input file, as listed on the driver and read by one task.
 *
 * @param format null when the extension is unknown (the task then writes an unknown_format reject)
 * @param problem non-null when listing found that the entry cannot be read (a broken link, a FIFO, a folder
 *     that cannot be listed): the task writes that reject, with {@code detail}, and opens nothing
 */
public record SourceFile(int corpusIndex, String uri, long size, Format format, RejectReason problem, String detail)
    implements Serializable {
  public SourceFile(int corpusIndex, String uri, long size, Format format) {
    this(corpusIndex, uri, size, format, null, null);
  }
}
