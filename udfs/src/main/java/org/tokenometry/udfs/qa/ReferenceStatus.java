package org.tokenometry.udfs.qa;

/** Verdict on one reference (and, by its first failing reference, on a question). Codes are stable. */
public enum ReferenceStatus {
  VERIFIED("verified"),
  /** the stored content is not the document text at its offsets, even after Chroma's normalisation */
  OFFSET_MISMATCH("offset_mismatch"),
  /** start or end lies outside the document (Python slicing would silently truncate) */
  OUT_OF_RANGE("out_of_range"),
  /** start >= end, or the stored content is blank */
  EMPTY_REFERENCE("empty_reference"),
  /** no document of the configured corpus has a source file named like corpus_id */
  UNKNOWN_CORPUS("unknown_corpus"),
  /** several documents share the source file named by corpus_id (e.g. a corpus ingested in line mode) */
  AMBIGUOUS_CORPUS("ambiguous_corpus"),
  /** the question's references spread wider than the generator's window, so some were shifted */
  SPAN_EXCEEDS_WINDOW("span_exceeds_window"),
  /** the question row itself is unusable (invalid references JSON, no references, blank question) */
  MALFORMED_ROW("malformed_row");

  private final String code;

  ReferenceStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
