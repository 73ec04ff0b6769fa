package org.tokenometry.udfs.ingest;

/** Why a record did not become a document. The codes are stable: they are stored in the rejects table. */
public enum RejectReason {
  INVALID_UTF8("invalid_utf8"),
  EMPTY_TEXT("empty_text"),
  MALFORMED_JSON("malformed_json"),
  MALFORMED_CSV("malformed_csv"),
  MISSING_TEXT_FIELD("missing_text_field"),
  TOO_LONG("too_long"),
  UNREADABLE_FILE("unreadable_file"),
  UNKNOWN_FORMAT("unknown_format");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
