package org.tokenometry.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.SparkTest;

/** A one-file documents table is spread over the cores before tokenizing; nothing is lost or duplicated. */
class TokenizePassSpreadTest extends SparkTest {
  private static Dataset<Row> documents(int n, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create("d" + i, "text " + i));
    }
    StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("text", DataTypes.StringType);
    return spark.createDataFrame(rows, schema).repartition(partitions);
  }

  @Test
  void onePartitionIsSpreadOverTheDefaultParallelism() {
    Dataset<Row> one = documents(10, 1);
    Dataset<Row> spread = TokenizePass.spread(one);
    assertEquals(2, spread.rdd().getNumPartitions()); // SparkTest runs local[2]
    assertEquals(10, spread.count());
    assertEquals(10, spread.select("doc_id").distinct().count());
  }

  @Test
  void enoughPartitionsAreLeftAlone() {
    Dataset<Row> three = documents(10, 3);
    assertSame(three, TokenizePass.spread(three));
  }
}
