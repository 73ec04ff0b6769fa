package org.tokenometry.jobs.ingest;

import java.io.Serializable;
import org.tokenometry.udfs.ingest.Format;

/**
 * One input file, as listed on the driver and read by one task.
 *
 * @param format null when the extension is unknown (the task then writes an unknown_format reject)
 */
public record SourceFile(int corpusIndex, String uri, long size, Format format) implements Serializable {}
