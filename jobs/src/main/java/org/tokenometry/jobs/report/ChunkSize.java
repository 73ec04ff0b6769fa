package org.tokenometry.jobs.report;

import java.util.List;
import org.tokenometry.udfs.tables.RetrievalRow;

/**
 * The unit a chunker's size and overlap count in: {@code fixed} and {@code recursive} windows count the
 * tokenizer's own tokens, {@code sentence} counts ICU sentences (the chunkers of {@code udfs} chunking). This is
 * not the retrieval table's {@code unit} column, which says how a result was scored (characters or tokens).
 */
public final class ChunkSize {
  private ChunkSize() {}

  /** "tokens", "sentences" or "chars" for a chunker name. */
  public static String unit(String chunker) {
    if (chunker == null) {
      return "tokens";
    }
    if (chunker.startsWith("sentence")) {
      return "sentences";
    }
    return chunker.startsWith("char") ? "chars" : "tokens";
  }

  /**
   * The x-axis label for a chunker's sizes: "chunk size (tokens of gpt4o)" for one tokenizer, "chunk size (tokens
   * of each line's tokenizer)" for several (the same number is a different length per tokenizer), "chunk size
   * (sentences)".
   */
  public static String axis(String chunker, List<String> tokenizers) {
    String unit = unit(chunker);
    if (!unit.equals("tokens")) {
      return "chunk size (" + unit + ")";
    }
    return "chunk size (tokens of " + (tokenizers.size() == 1 ? tokenizers.get(0) : "each line's tokenizer") + ")";
  }

  /** "24/12 tokens": size / overlap (overlap left out when 0) in the chunker's unit. */
  public static String size(RetrievalRow r) {
    return r.size() + (r.overlap() > 0 ? "/" + r.overlap() : "") + " " + unit(r.chunker());
  }
}
