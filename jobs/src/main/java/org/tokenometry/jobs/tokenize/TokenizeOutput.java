package org.tokenometry.jobs.tokenize;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * What the single pass over documents emits: a {@code doc_tokens} row per document x tokenizer, and at the
 * end of each partition one partial aggregate per group. Never one record per token.
 */
public record TokenizeOutput(Row docTokens, GroupKey key, GroupStats stats) implements Serializable {
  static TokenizeOutput doc(Row row) {
    return new TokenizeOutput(row, null, null);
  }

  static TokenizeOutput partial(GroupKey key, GroupStats stats) {
    return new TokenizeOutput(null, key, stats);
  }

  boolean isDoc() {
    return docTokens != null;
  }
}
