package org.tokenometry.udfs.ingest;

import java.io.Serializable;

/**
 * One row of the rejects table: a record that did not become a document.
 *
 * @param recordNo 1-based record number within the source (0 would mean "the whole file", which we avoid: a
 *     file-level problem takes the number of the record it stopped at)
 * @param rawPrefix the first {@link #PREFIX_CHARS} characters of the record as read (invalid bytes replaced)
 */
public record Reject(String source, long recordNo, RejectReason reason, String detail, String rawPrefix)
    implements Serializable {
  public static final int PREFIX_CHARS = 200;

  public static String prefix(String raw) {
    if (raw == null) {
      return "";
    }
    if (raw.length() <= PREFIX_CHARS) {
      return raw;
    }
    // never cut a surrogate pair in half
    int end = Character.isHighSurrogate(raw.charAt(PREFIX_CHARS - 1)) ? PREFIX_CHARS - 1 : PREFIX_CHARS;
    return raw.substring(0, end);
  }
}
