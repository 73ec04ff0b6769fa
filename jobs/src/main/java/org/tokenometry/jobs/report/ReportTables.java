package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.FairnessRow;
import org.tokenometry.udfs.tables.RejectRow;
import org.tokenometry.udfs.tables.RetrievalRow;
import org.tokenometry.udfs.tables.VocabProfileRow;

/**
 * Reads the aggregate tables for the report into their row records; they hold one row per tokenizer x language
 * (or grid point), so they are small. {@code documents} is never collected; {@code rejects} only as counts per
 * reason.
 */
public final class ReportTables {
  /** Tables the report draws, in the order the report shows them. */
  public static final List<String> TABLES = List.of(CompressionRow.TABLE, CoverageRow.TABLE, FairnessRow.TABLE,
      VocabProfileRow.TABLE, RetrievalRow.TABLE, "rejects");

  private ReportTables() {}

  public static ReportData load(TableStore store) {
    List<String> missing = new ArrayList<>();
    var compression = collect(store, CompressionRow.class, CompressionRow.TABLE, missing);
    var coverage = collect(store, CoverageRow.class, CoverageRow.TABLE, missing);
    var fairness = collect(store, FairnessRow.class, FairnessRow.TABLE, missing);
    var vocab = collect(store, VocabProfileRow.class, VocabProfileRow.TABLE, missing);
    var retrieval = collect(store, RetrievalRow.class, RetrievalRow.TABLE, missing);
    Map<String, Long> rejects = new LinkedHashMap<>();
    if (store.exists(RejectRow.TABLE)) {
      // with its schema: a run with no rejects leaves the (partitioned) table without files
      for (Row r : store.read(RejectRow.TABLE, RowCodec.of(RejectRow.class).schema()).groupBy("reason").count()
          .orderBy("reason").collectAsList()) {
        rejects.put(String.valueOf(r.<Object>getAs("reason")), r.<Long>getAs("count"));
      }
    } else {
      missing.add("rejects");
    }
    return new ReportData(compression, coverage, fairness, vocab, retrieval, rejects, missing);
  }

  private static <R extends Record> List<R> collect(TableStore store, Class<R> row, String table,
      List<String> missing) {
    if (!store.exists(table)) {
      missing.add(table);
      return List.of();
    }
    return RowCodec.of(row).collect(store.read(table));
  }
}
