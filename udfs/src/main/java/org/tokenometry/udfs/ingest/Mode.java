package org.tokenometry.udfs.ingest;

import java.util.Locale;
import java.util.Optional;

/** How a file becomes documents. */
public enum Mode {
  /** every line a document (parallel files align by line number) */
  LINE,
  /** the whole file one document */
  FILE,
  /** all lines joined with the corpus separator into one document (Petrov et al.) */
  JOINED,
  /** rows of JSONL, CSV/TSV, Parquet or Arrow, text from a named column */
  RECORD;

  public static Optional<Mode> byName(String s) {
    try {
      return Optional.of(valueOf(s.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
