package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.udfs.tables.RejectRow;
import scala.collection.Seq;

/**
 * Reads the aggregate tables for the report and collects them; they hold one row per tokenizer x language (or
 * grid point), so they are small. {@code documents} is never collected; {@code rejects} only as counts per reason.
 */
public final class ReportTables {
  /** Tables the report draws, in the order the report shows them. */
  public static final List<String> TABLES = List.of("compression", "coverage", "fairness", "vocab_profile",
      "retrieval", "rejects");

  private ReportTables() {}

  public static ReportData load(TableStore store) {
    List<String> missing = new ArrayList<>();
    var compression = collect(store, "compression", missing, ReportTables::compression);
    var coverage = collect(store, "coverage", missing, ReportTables::coverage);
    var fairness = collect(store, "fairness", missing, ReportTables::fairness);
    var vocab = collect(store, "vocab_profile", missing, ReportTables::vocab);
    var retrieval = collect(store, "retrieval", missing, ReportTables::retrieval);
    Map<String, Long> rejects = new LinkedHashMap<>();
    if (store.exists("rejects")) {
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

  private static <T> List<T> collect(TableStore store, String table, List<String> missing, Function<Row, T> map) {
    if (!store.exists(table)) {
      missing.add(table);
      return List.of();
    }
    Dataset<Row> df = store.read(table);
    List<T> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      out.add(map.apply(r));
    }
    return out;
  }

  static ReportData.Compression compression(Row r) {
    return new ReportData.Compression(str(r, "tokenizer"), str(r, "corpus"), str(r, "domain"), str(r, "lang"),
        lng(r, "docs", 0), lng(r, "bytes", 0), lng(r, "tokens", 0), dbl(r, "bytes_per_token", Double.NaN),
        dbl(r, "chars_per_token", Double.NaN), dbl(r, "tokens_per_word"), dbl(r, "continued_word_rate"),
        dbl(r, "single_token_word_rate"), dbl(r, "nsl"), dbl(r, "premium"), dbl(r, "renyi_efficiency"),
        dbl(r, "tokens_per_second"));
  }

  static ReportData.Coverage coverage(Row r) {
    return new ReportData.Coverage(str(r, "tokenizer"), str(r, "corpus"), str(r, "lang"),
        dbl(r, "unk_rate", 0), dbl(r, "byte_fallback_rate", 0), dbl(r, "split_char_rate", 0),
        lng(r, "vocab_size"), lng(r, "distinct_tokens"), dbl(r, "vocab_utilization"),
        dbl(r, "lexicon_type_rate"), dbl(r, "lexicon_token_rate"));
  }

  static ReportData.Fairness fairness(Row r) {
    return new ReportData.Fairness(str(r, "tokenizer"), str(r, "corpus"), count(r, "languages"),
        str(r, "pivot_lang"), dbl(r, "premium_mean", Double.NaN), dbl(r, "premium_max", Double.NaN),
        str(r, "premium_max_lang"), dbl(r, "gini", Double.NaN));
  }

  static ReportData.VocabProfile vocab(Row r) {
    return new ReportData.VocabProfile(str(r, "tokenizer"), str(r, "category"), str(r, "script"),
        lng(r, "count", 0), dbl(r, "share", 0));
  }

  static ReportData.Retrieval retrieval(Row r) {
    return new ReportData.Retrieval(str(r, "corpus"), str(r, "tokenizer"), str(r, "chunker"),
        (int) lng(r, "size", 0), (int) lng(r, "overlap", 0), str(r, "retriever"), (int) lng(r, "k", 0),
        str(r, "unit"), lng(r, "n_questions", 0), dbl(r, "recall_mean", 0), dbl(r, "precision_mean", 0),
        dbl(r, "iou_mean", 0), dbl(r, "precision_omega_mean", 0), lng(r, "chunks"), dbl(r, "mean_chunk_tokens"));
  }

  // Column access by name, tolerant of int/long/double widths and of optional columns being absent, so a
  // producer's choice of numeric type never breaks the report.
  private static Object value(Row r, String col) {
    int i = indexOf(r, col);
    return i < 0 || r.isNullAt(i) ? null : r.get(i);
  }

  private static int indexOf(Row r, String col) {
    String[] names = r.schema() == null ? new String[0] : r.schema().fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(col)) {
        return i;
      }
    }
    return -1;
  }

  static String str(Row r, String col) {
    Object v = value(r, col);
    return v == null ? null : v.toString();
  }

  static Double dbl(Row r, String col) {
    Object v = value(r, col);
    return v instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
  }

  static double dbl(Row r, String col, double dflt) {
    Double d = dbl(r, col);
    return d == null ? dflt : d;
  }

  static Long lng(Row r, String col) {
    Object v = value(r, col);
    return v instanceof Number n ? Long.valueOf(n.longValue()) : null;
  }

  static long lng(Row r, String col, long dflt) {
    Long l = lng(r, col);
    return l == null ? dflt : l;
  }

  /** {@code languages} may be a count or the list of languages; either way the report shows how many. */
  static int count(Row r, String col) {
    Object v = value(r, col);
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof Seq<?> s) {
      return s.size();
    }
    if (v instanceof List<?> l) {
      return l.size();
    }
    return 0;
  }
}
