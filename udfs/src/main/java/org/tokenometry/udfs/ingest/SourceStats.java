package org.tokenometry.udfs.ingest;

import java.io.Serializable;

/**
 * What a reader counted in one source, emitted once when the source is done. Documents and rejects are not
 * here: they are counted from the rows themselves, so records = documents + rejects is a real check.
 *
 * @param records records read (blank lines are layout, not records)
 * @param blankLines lines with nothing but spaces and tabs between records (line mode, JSONL, CSV/TSV)
 * @param repairedRecords documents or rejects whose text had at least one repair
 * @param repairedChars characters repaired (removed BOM, controls replaced, CRs removed)
 */
public record SourceStats(
    String corpus,
    String source,
    long records,
    long blankLines,
    long repairedRecords,
    long repairedChars) implements Serializable {}
