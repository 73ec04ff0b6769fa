package org.tokenometry.udfs.tables;

import java.io.Serializable;

/**
 * {@code rejects}: one row per record that did not become a document (DESIGN.md §2); partitioned by corpus,
 * so a run replaces only its own corpora's rejects.
 *
 * @param recordNo the record's number in its source (the line it starts on in line-based formats, the row in
 *     Parquet/Arrow, 1 for a whole file); a failure that ends a file takes the number after the last one read
 * @param reason a stable code ({@code RejectReason})
 * @param rawPrefix the first {@link #PREFIX_CHARS} characters of the record as read (invalid bytes as U+FFFD)
 */
public record RejectRow(
    String corpus,
    String source,
    long recordNo,
    String reason,
    String detail,
    String rawPrefix) implements Serializable {
  public static final String TABLE = "rejects";
  public static final int PREFIX_CHARS = 200;

  /** The first {@link #PREFIX_CHARS} characters of {@code raw}, never cutting a surrogate pair in half. */
  public static String prefix(String raw) {
    if (raw == null) {
      return "";
    }
    if (raw.length() <= PREFIX_CHARS) {
      return raw;
    }
    int end = Character.isHighSurrogate(raw.charAt(PREFIX_CHARS - 1)) ? PREFIX_CHARS - 1 : PREFIX_CHARS;
    return raw.substring(0, end);
  }
}
