package org.tokenometry.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.SparkTest;

/** Tables written side by side: each lands whole, a failure leaves that table's previous version, no staging left. */
class TableStoreTest extends SparkTest {
  @TempDir
  Path dir;

  private Dataset<Row> numbers(long from, long to) {
    return spark.range(from, to).toDF("n");
  }

  private List<Long> read(TableStore store, String table) {
    return store.read(table).orderBy("n").as(org.apache.spark.sql.Encoders.LONG()).collectAsList();
  }

  @Test
  void aPartitionedTableWithoutRowsStillReadsWithItsSchema() {
    // rejects of a clean corpus: no data file at all, and Spark could not infer a schema (CI's cluster test)
    TableStore store = new TableStore(spark, dir.resolve("out").toString(), "run1");
    Dataset<Row> none = numbers(0, 0).withColumn("corpus", functions.lit("c")).withColumn("reason",
        functions.lit("r"));
    store.write(none, "rejects", Map.of(), List.of("c"), "corpus");
    Dataset<Row> read = spark.read().parquet(dir.resolve("out/rejects").toString());
    assertEquals(List.of("n", "corpus", "reason"), List.of(read.columns()));
    assertEquals(0, read.count());
    // rows come: the schema file goes (the data files carry the schema); rows gone again: it comes back
    store.write(numbers(0, 2).withColumn("corpus", functions.lit("c")).withColumn("reason", functions.lit("r")),
        "rejects", Map.of(), List.of("c"), "corpus");
    assertFalse(Files.exists(dir.resolve("out/rejects/" + TableStore.COMMON_METADATA)));
    assertEquals(2, spark.read().parquet(dir.resolve("out/rejects").toString()).count());
    store.write(none, "rejects", Map.of(), List.of("c"), "corpus");
    assertEquals(0, spark.read().parquet(dir.resolve("out/rejects").toString()).count());
    assertFalse(Files.exists(dir.resolve("out/_staging")), "staging folder left behind");
  }

  @Test
  void writeAllWritesEveryTableAndLeavesNoStaging() {
    TableStore store = new TableStore(spark, dir.resolve("out").toString(), "run1");
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    for (int t = 0; t < 6; t++) {
      tables.put("t" + t, numbers(t * 10L, t * 10L + t + 1)); // table t holds t*10 .. t*10+t
    }
    store.writeAll(tables);
    for (int t = 0; t < 6; t++) {
      List<Long> rows = read(store, "t" + t);
      assertEquals(t + 1, rows.size(), "t" + t);
      assertEquals(t * 10L, rows.get(0));
      assertEquals(t * 10L + t, rows.get(rows.size() - 1));
    }
    assertFalse(Files.exists(dir.resolve("out/_staging")), "staging folder left behind");
  }

  @Test
  void aFailedTableKeepsItsPreviousVersionAndTheOthersAreWritten() {
    TableStore store = new TableStore(spark, dir.resolve("out").toString(), "run1");
    store.writeAll(Map.of("good", numbers(0, 3), "bad", numbers(100, 102)));
    // a division by zero under ANSI mode fails the write's task, after the other table's job has started
    Dataset<Row> failing = numbers(0, 5).select(functions.expr("cast(10 / (n - 2) as bigint)").as("n"));
    TableStore second = new TableStore(spark, dir.resolve("out").toString(), "run2");
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("good", numbers(7, 9));
    tables.put("bad", failing);
    RuntimeException e = assertThrows(RuntimeException.class, () -> second.writeAll(tables));
    assertTrue(String.valueOf(e.getMessage()).toLowerCase().contains("divide")
        || String.valueOf(e.getCause()).toLowerCase().contains("divide"), String.valueOf(e));
    assertEquals(List.of(7L, 8L), read(second, "good"));
    assertEquals(List.of(100L, 101L), read(second, "bad"));
  }
}
