package org.tokenometry.udfs.ingest;

import java.io.Serializable;

/**
 * What the readers need to know about a corpus (a Spark-free copy of the corpus config plus the ingest limits),
 * shipped to the tasks that read its files.
 *
 * @param lang fixed language, or null
 * @param langFrom {@code config}, {@code filename} or {@code column}
 * @param idColumn null when documents get hashed ids
 * @param langColumn null unless {@code langFrom} is {@code column}
 * @param quote the CSV/TSV quote character as configured: null for the format's default ({@code "} for CSV, none
 *     for TSV), empty for none (every line one record, split at every delimiter)
 */
public record CorpusSpec(
    String corpus,
    String domain,
    Mode mode,
    String lang,
    String langFrom,
    String textColumn,
    String idColumn,
    String langColumn,
    boolean parallel,
    String separator,
    String quote,
    long maxDocBytes,
    int shards) implements Serializable {

  /** The quote character for {@code format} (CSV or TSV), or null for none. */
  public Character quoteFor(Format format) {
    if (quote == null) {
      return format == Format.CSV ? '"' : null;
    }
    return quote.isEmpty() ? null : quote.charAt(0);
  }

  /**
   * The most bytes one line of JSON, or one CSV/TSV record, may take: the text may be up to
   * {@code maxDocBytes}, and escapes (up to 6 bytes per character), quoting and the other fields need room.
   * A longer line is a too_long reject without being held whole.
   */
  public long maxRecordBytes() {
    return Math.min(Integer.MAX_VALUE - 16L, maxDocBytes * 4 + 65536);
  }
}
