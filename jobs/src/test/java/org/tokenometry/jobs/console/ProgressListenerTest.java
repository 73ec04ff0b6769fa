package org.tokenometry.jobs.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.SparkTest;

class ProgressListenerTest extends SparkTest {
  @TempDir
  Path dir;

  /** Every event advances the clock by 1 s, and the interval is 1 s: each finished task prints a line. */
  private ProgressListener listenerPrintingEveryTask(ByteArrayOutputStream buf) {
    AtomicLong clock = new AtomicLong();
    ProgressListener listener = new ProgressListener(new PrintStream(buf, true, StandardCharsets.UTF_8), 1000,
        () -> clock.addAndGet(1_000_000_000L));
    spark.sparkContext().addSparkListener(listener);
    return listener;
  }

  @Test
  void countsTasksAndBytesReadByTheStagesJobs() throws Exception {
    String table = dir.resolve("t").toString();
    spark.range(0, 1000, 1, 4).selectExpr("id", "repeat('x', 100) AS text").write().parquet(table);

    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ProgressListener listener = listenerPrintingEveryTask(buf);
    try {
      spark.sparkContext().setJobGroup("tokenize", "test", false);
      long even = spark.read().parquet(table).filter("id % 2 = 0").collectAsList().size();
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
      assertEquals(500, even);
      assertTrue(listener.bytes() > 0, "input bytes");
      String[] tasks = listener.tasks().split("/");
      assertEquals(tasks[1], tasks[0], "every submitted task finished: " + listener.tasks());
      listener.finishGroup();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
      spark.sparkContext().clearJobGroup();
    }
    List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(!lines.isEmpty(), "progress lines");
    for (String l : lines) {
      assertTrue(l.startsWith("[tokenize] "), l);
    }
    String last = lines.get(lines.size() - 1);
    // the unit is what is counted: Spark tasks (a file read whole is one input record, so records would lie)
    assertTrue(last.matches("\\[tokenize] \\d+ tasks  \\d+ tasks/s  \\d+\\.\\d MB/s  in \\d+:\\d\\d"), last);
  }

  @Test
  void aLaterJobOfTheSameStageNeverPullsThePercentBack() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ProgressListener listener = listenerPrintingEveryTask(buf);
    try {
      spark.sparkContext().setJobGroup("tokenize", "test", false);
      var jsc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
      jsc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8).count(); // a small job first: 8 tasks, all done
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
      jsc.parallelize(List.of(1, 2, 3, 4), 4).count(); // then 4 more: 9/12 = 75 % would go back from 100 %
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
    } finally {
      spark.sparkContext().removeSparkListener(listener);
      spark.sparkContext().clearJobGroup();
    }
    List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
    int last = -1;
    for (String l : lines) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("  (\\d+)%").matcher(l);
      if (m.find()) {
        int p = Integer.parseInt(m.group(1));
        assertTrue(p >= last, "percent went back to " + p + " after " + last + ": " + lines);
        last = p;
      }
    }
    assertEquals(100, last, lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("[tokenize] 9/12 tasks") && !l.contains("%")),
        "while the estimate is below what was shown, the line has the count only: " + lines);
  }
}
