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
import org.tokenometry.udfs.tables.NumbersRow;
import org.tokenometry.udfs.tables.RejectRow;
import org.tokenometry.udfs.tables.RetrievalRow;
import org.tokenometry.udfs.tables.RobustnessRow;
import org.tokenometry.udfs.tables.RoundTripRow;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabProfileRow;
import org.tokenometry.udfs.tables.VocabTokensRow;

/**
 * Reads the aggregate tables for the report into their row records; they hold one row per tokenizer x language
 * (or grid point, perturbation, number set, census class), so they are small. {@code documents} is never
 * collected; {@code rejects} only as counts per reason; {@code vocab_tokens} (a row per vocabulary id) only as the
 * few examples the census shows.
 */
public final class ReportTables {
  /** Tables the report draws, in the order the report shows them. */
  public static final List<String> TABLES = List.of(CompressionRow.TABLE, CoverageRow.TABLE, FairnessRow.TABLE,
      VocabProfileRow.TABLE, VocabHealthRow.TABLE, VocabTokensRow.TABLE, RoundTripRow.TABLE, RobustnessRow.TABLE,
      NumbersRow.TABLE, RetrievalRow.TABLE, "rejects");

  private ReportTables() {}

  public static ReportData load(TableStore store) {
    List<String> missing = new ArrayList<>();
    var compression = collect(store, CompressionRow.class, CompressionRow.TABLE, missing);
    var coverage = collect(store, CoverageRow.class, CoverageRow.TABLE, missing);
    var fairness = collect(store, FairnessRow.class, FairnessRow.TABLE, missing);
    var vocab = collect(store, VocabProfileRow.class, VocabProfileRow.TABLE, missing);
    var vocabHealth = collect(store, VocabHealthRow.class, VocabHealthRow.TABLE, missing);
    List<VocabTokensRow> examples = List.of();
    if (store.exists(VocabTokensRow.TABLE)) {
      examples = VocabExamples.read(store.read(VocabTokensRow.TABLE));
    } else {
      missing.add(VocabTokensRow.TABLE);
    }
    var roundtrip = collect(store, RoundTripRow.class, RoundTripRow.TABLE, missing);
    var robustness = collect(store, RobustnessRow.class, RobustnessRow.TABLE, missing);
    var numbers = collect(store, NumbersRow.class, NumbersRow.TABLE, missing);
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
    return new ReportData(compression, coverage, fairness, vocab, retrieval, roundtrip, robustness, numbers,
        vocabHealth, examples, rejects, missing);
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
