package org.tokenometry.udfs.tables;

import java.io.Serializable;

/** {@code documents}: one row per document (DESIGN.md §2); partitioned by corpus and lang. */
public record DocumentRow(
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
    int shard) implements Serializable {
  public static final String TABLE = "documents";
}
