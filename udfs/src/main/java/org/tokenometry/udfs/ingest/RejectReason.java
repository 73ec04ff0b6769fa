package org.tokenometry.udfs.ingest;

/**
 * Why a record did not become a document. The codes are stable: they are stored in the rejects table and
 * listed, with what triggers each, in README's ingest section.
 */
public enum RejectReason {
  INVALID_UTF8("invalid_utf8"),
  INVALID_UNICODE("invalid_unicode"),
  EMPTY_TEXT("empty_text"),
  MALFORMED_JSON("malformed_json"),
  MALFORMED_CSV("malformed_csv"),
  MISSING_TEXT_FIELD("missing_text_field"),
  INVALID_ID("invalid_id"),
  INVALID_LANG("invalid_lang"),
  TOO_LONG("too_long"),
  UNREADABLE_FILE("unreadable_file"),
  NOT_A_FILE("not_a_file"),
  UNKNOWN_FORMAT("unknown_format");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
