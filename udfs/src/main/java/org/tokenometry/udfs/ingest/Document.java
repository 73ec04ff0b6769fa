package org.tokenometry.udfs.ingest;

import java.io.Serializable;

/** One row of the documents table (DESIGN.md section 2), in contract column order. */
public record Document(
    String docId,
    String corpus,
    String domain,
    String lang,
    String script,
    String parallelId,
    String source,
    String text,
    long nBytes,
    long nChars,
    long nWords,
    long nSentences,
    int shard) implements Serializable {}
