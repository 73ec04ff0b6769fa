package org.tokenometry.jobs.tokenize;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.udfs.metrics.DocumentFacts;
import org.tokenometry.udfs.metrics.TokenizedDocument;
import org.tokenometry.udfs.tables.DocTokensRow;

/**
 * {@code doc_tokens} rows written straight as Spark's internal rows: the pass emits one per document and
 * tokenizer (6 million on FLORES x 15 tokenizers), and building a {@link DocTokensRow} record, reading it back
 * reflectively and converting each string to UTF-8 again per row cost more than the metrics. The strings are
 * UTF-8 already (read from {@code documents}, or one per tokenizer), shared by a document's rows. The columns
 * stay defined once, by the record: its schema is the table's, and the order here is checked against it when
 * this class loads.
 */
final class DocTokensRows {
  static final StructType SCHEMA = RowCodec.of(DocTokensRow.class).schema();
  /**
   * No Parquet dictionary for doc_id: nearly every value is new to a row group, so the dictionary outgrew its page
   * and fell back to plain encoding anyway, after a hash lookup per row (see BENCHMARKS.md). parallel_id keeps
   * it: a parallel corpus repeats each id in every language.
   */
  static final Map<String, String> WRITE_OPTIONS = Map.of("parquet.enable.dictionary#doc_id", "false");
  private static final List<String> ORDER = List.of("doc_id", "tokenizer", "corpus", "domain", "lang",
      "parallel_id", "tokens", "bytes", "chars", "words", "sentences", "unk", "byte_fallback", "continued_words",
      "split_chars");

  static {
    if (!ORDER.equals(RowCodec.of(DocTokensRow.class).columns())) {
      throw new IllegalStateException("DocTokensRows builds " + ORDER + " but DocTokensRow's columns are "
          + RowCodec.of(DocTokensRow.class).columns() + ": update DocTokensRows.row");
    }
  }

  private DocTokensRows() {}

  /** One document's row under one tokenizer; the strings may be null where the column is. */
  static InternalRow row(UTF8String docId, UTF8String tokenizer, UTF8String corpus, UTF8String domain,
      UTF8String lang, UTF8String parallelId, DocumentFacts doc, TokenizedDocument t) {
    return new GenericInternalRow(new Object[] {docId, tokenizer, corpus, domain, lang, parallelId, t.tokens(),
        doc.bytes(), doc.chars(), doc.words(), doc.sentences(), t.unk(), t.byteFallback(), t.continuedWords(),
        t.splitChars()});
  }
}
