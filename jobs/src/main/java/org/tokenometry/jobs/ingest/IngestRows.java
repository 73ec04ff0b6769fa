package org.tokenometry.jobs.ingest;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.tokenometry.udfs.ingest.Reject;
import org.tokenometry.udfs.ingest.SourceStats;
import org.tokenometry.udfs.tables.DocumentRow;

/**
 * The rows the reading tasks emit: documents, rejects and one stats row per source, in one schema so a single
 * pass over the data yields both tables and the counts (the row kind says which columns are filled).
 */
public final class IngestRows {
  public static final String DOC = "doc";
  public static final String REJECT = "reject";
  public static final String STATS = "stats";

  /** The documents table, in contract column order (DESIGN.md section 2). */
  public static final String[] DOCUMENT_COLUMNS = {"doc_id", "corpus", "domain", "lang", "script", "parallel_id",
      "source", "text", "n_bytes", "n_chars", "shard"};
  public static final String[] REJECT_COLUMNS = {"source", "record_no", "reason", "detail", "raw_prefix"};

  public static final StructType SCHEMA = new StructType()
      .add("kind", StringType, false)
      .add("doc_id", StringType)
      .add("corpus", StringType)
      .add("domain", StringType)
      .add("lang", StringType)
      .add("script", StringType)
      .add("parallel_id", StringType)
      .add("source", StringType, false)
      .add("text", StringType)
      .add("n_bytes", LongType)
      .add("n_chars", LongType)
      .add("shard", IntegerType)
      .add("record_no", LongType)
      .add("reason", StringType)
      .add("detail", StringType)
      .add("raw_prefix", StringType)
      .add("records", LongType)
      .add("repaired_records", LongType)
      .add("repaired_chars", LongType);

  private IngestRows() {}

  static Row of(DocumentRow d) {
    return RowFactory.create(DOC, d.docId(), d.corpus(), d.domain(), d.lang(), d.script(), d.parallelId(),
        d.source(), d.text(), d.nBytes(), d.nChars(), d.shard(), null, null, null, null, null, null, null);
  }

  // rejects and stats rows carry the corpus too: the same file may be read by two corpora (e.g. two modes)
  static Row of(String corpus, Reject r) {
    return RowFactory.create(REJECT, null, corpus, null, null, null, null, r.source(), null, null, null, null,
        r.recordNo(), r.reason().code(), r.detail(), r.rawPrefix(), null, null, null);
  }

  static Row of(String corpus, String source, SourceStats s) {
    return RowFactory.create(STATS, null, corpus, null, null, null, null, source, null, null, null, null, null,
        null, null, null, s.records(), s.repairedRecords(), s.repairedChars());
  }
}
