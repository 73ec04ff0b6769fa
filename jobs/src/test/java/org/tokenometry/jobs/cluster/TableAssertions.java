package org.tokenometry.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Table-by-table comparison of two outputs: same tables, same columns, same rows in any order, doubles within 1e-9. */
final class TableAssertions {
  static final double TOLERANCE = 1e-9;
  /** Columns that time the run (they differ from run to run): left out of every comparison. */
  static final Set<String> TIMING_COLUMNS = Set.of("tokens_per_second", "encode_seconds");

  private TableAssertions() {}

  /** Names of the Parquet tables (folders with a _SUCCESS marker) directly under {@code output}. */
  static Set<String> tables(SparkSession spark, String output) throws IOException {
    Path out = new Path(output);
    FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
    Set<String> names = new TreeSet<>();
    for (FileStatus st : fs.listStatus(out)) {
      if (st.isDirectory() && fs.exists(new Path(st.getPath(), "_SUCCESS"))) {
        names.add(st.getPath().getName());
      }
    }
    return names;
  }

  /** Asserts both outputs hold the same tables with equal contents; returns the table names compared. */
  static Set<String> assertSameOutputs(SparkSession spark, String expected, String actual, Set<String> ignoreColumns)
      throws IOException {
    Set<String> a = tables(spark, expected);
    Set<String> b = tables(spark, actual);
    assertEquals(a, b, "tables in " + expected + " vs " + actual);
    assertTrue(!a.isEmpty(), "no tables in " + expected);
    for (String t : a) {
      assertSameRows(t, spark.read().parquet(expected + "/" + t), spark.read().parquet(actual + "/" + t),
          ignoreColumns);
    }
    return a;
  }

  static void assertSameRows(String table, Dataset<Row> expected, Dataset<Row> actual, Set<String> ignore) {
    String[] cols = Arrays.stream(expected.columns()).filter(c -> !ignore.contains(c)).sorted().toArray(String[]::new);
    assertEquals(List.of(cols), List.of(Arrays.stream(actual.columns()).filter(c -> !ignore.contains(c)).sorted()
        .toArray(String[]::new)), table + ": columns");
    Dataset<Row> e = expected.selectExpr(quoted(cols));
    Dataset<Row> x = actual.selectExpr(quoted(cols));
    assertEquals(e.schema(), x.schema(), table + ": schema");
    boolean[] isDouble = new boolean[cols.length];
    StructField[] fields = e.schema().fields();
    for (int i = 0; i < cols.length; i++) {
      isDouble[i] = fields[i].dataType().equals(DataTypes.DoubleType) || fields[i].dataType().equals(DataTypes.FloatType);
    }
    List<Row> er = sorted(e.collectAsList(), isDouble);
    List<Row> xr = sorted(x.collectAsList(), isDouble);
    assertEquals(er.size(), xr.size(), table + ": row count");
    for (int r = 0; r < er.size(); r++) {
      for (int i = 0; i < cols.length; i++) {
        Object ev = er.get(r).get(i);
        Object xv = xr.get(r).get(i);
        if (isDouble[i] && ev != null && xv != null) {
          double d = ((Number) ev).doubleValue();
          double y = ((Number) xv).doubleValue();
          if (!(Math.abs(d - y) <= TOLERANCE || (Double.isNaN(d) && Double.isNaN(y)) || d == y)) {
            fail(table + ": row " + key(er.get(r), isDouble) + " column " + cols[i] + ": " + d + " vs " + y);
          }
        } else {
          assertEquals(String.valueOf(ev), String.valueOf(xv), table + ": row " + key(er.get(r), isDouble)
              + " column " + cols[i]);
        }
      }
    }
  }

  private static String[] quoted(String[] cols) {
    return Arrays.stream(cols).map(c -> "`" + c + "`").toArray(String[]::new);
  }

  /** Sorts by the non-floating columns first, so rows line up even when doubles differ in the last bits. */
  private static List<Row> sorted(List<Row> rows, boolean[] isDouble) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing((Row r) -> key(r, isDouble)).thenComparing(r -> doubles(r, isDouble)));
    return copy;
  }

  private static String key(Row r, boolean[] isDouble) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < isDouble.length; i++) {
      if (!isDouble[i]) {
        sb.append(r.get(i)).append('\u0001');
      }
    }
    return sb.toString();
  }

  private static String doubles(Row r, boolean[] isDouble) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < isDouble.length; i++) {
      if (isDouble[i]) {
        sb.append(r.isNullAt(i) ? "null" : String.format("%.6e", ((Number) r.get(i)).doubleValue())).append(' ');
      }
    }
    return sb.toString();
  }
}
