package org.tokenometry.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.SparkTest;

/** The pass reads a documents file in several splits per core, and leaves the session's settings as they were. */
class TokenizePassSplitTest extends SparkTest {
  private static final String MIN_PARTITIONS = "spark.sql.files.minPartitionNum";
  private static final String OPEN_COST = "spark.sql.files.openCostInBytes";

  @TempDir
  Path dir;

  /** One Parquet file of ~3 MB of random text in row groups of 128 KiB, as ingest writes them (smaller). */
  private Dataset<Row> oneFile() {
    SplittableRandom random = new SplittableRandom(3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < 150; c++) {
        text.append((char) ('a' + random.nextInt(27)));
      }
      rows.add(RowFactory.create("d" + i, text.toString()));
    }
    StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("text", DataTypes.StringType);
    String path = dir.resolve("documents").toString();
    spark.createDataFrame(rows, schema).coalesce(1).write().option("parquet.block.size", 128 << 10).parquet(path);
    return spark.read().parquet(path);
  }

  private static long nonEmptyPartitions(JavaRDD<InternalRow> rdd) {
    return rdd.mapPartitions(it -> List.of(it.hasNext() ? 1L : 0L).iterator()).reduce(Long::sum);
  }

  @Test
  void oneFileIsReadInSeveralSplitsPerCore() {
    Dataset<Row> documents = oneFile();
    // Spark's own planning: one split per core at most (SparkTest runs local[2])
    assertTrue(documents.rdd().getNumPartitions() <= 2);
    JavaRDD<InternalRow> split = TokenizePass.split(spark.read().parquet(dir.resolve("documents").toString()))
        .toJavaRDD();
    // ~3 MB: 8 splits wanted, at least 1 MiB each (the opening cost), so 4, of which row-group boundaries
    // leave at least 3 with rows: more than the 2 cores, where Spark's own planning gives at most 2
    assertEquals(4, split.getNumPartitions());
    assertTrue(nonEmptyPartitions(split) >= 3);
    assertEquals(20_000, split.count());
    assertEquals(20_000, split.map(r -> r.getUTF8String(0).toString()).distinct().count());
    assertFalse(spark.conf().contains(MIN_PARTITIONS));
    assertFalse(spark.conf().contains(OPEN_COST));
  }

  @Test
  void theUsersSettingsWin() {
    spark.conf().set(MIN_PARTITIONS, "3");
    spark.conf().set(OPEN_COST, String.valueOf(1 << 20));
    try {
      JavaRDD<InternalRow> split = TokenizePass.split(oneFile()).toJavaRDD();
      assertEquals(3, split.getNumPartitions());
      assertEquals("3", spark.conf().get(MIN_PARTITIONS));
      assertEquals(String.valueOf(1 << 20), spark.conf().get(OPEN_COST));
    } finally {
      spark.conf().unset(MIN_PARTITIONS);
      spark.conf().unset(OPEN_COST);
    }
  }
}
