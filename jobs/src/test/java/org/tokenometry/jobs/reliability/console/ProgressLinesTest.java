package org.tokenometry.jobs.reliability.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.console.Progress;
import org.tokenometry.jobs.console.ProgressListener;
import org.tokenometry.testing.SparkTest;

/**
 * Issue 17 item 16: percent went 12 % → 11 % and 20 % → 7 % while the ETA jumped 0:21 → 3:58 (the total of a
 * stage grows as Spark submits its jobs), and a stage's closing progress line came after the next stage had
 * started.
 */
class ProgressLinesTest extends SparkTest {
  static final Pattern PERCENT = Pattern.compile("  (\\d+)%(  ETA (\\d+):(\\d\\d))?");

  @Test
  void percentAndEtaNeverGoBackWhenTheTotalGrows() {
    AtomicLong now = new AtomicLong();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Progress p = new Progress("ingest", "tasks", 5, new PrintStream(buf, true, StandardCharsets.UTF_8), 1000,
        now::get);
    // 1 of 5 tasks after 5 s (20 %), then a job adds 10 tasks (1 of 15: 6 %), then work goes on at its pace
    long[][] steps = {{5, 1, 5}, {6, 1, 15}, {7, 2, 15}, {8, 3, 15}, {60, 4, 15}, {61, 12, 15}, {62, 14, 15},
        {63, 15, 15}};
    for (long[] s : steps) {
      now.set(s[0] * 1_000_000_000L);
      p.set(s[1], 0, s[2]);
    }
    List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(steps.length, lines.size(), lines.toString());
    int lastPercent = -1;
    long lastEta = Long.MAX_VALUE;
    List<Integer> shown = new ArrayList<>();
    for (String l : lines) {
      Matcher m = PERCENT.matcher(l);
      if (!m.find()) {
        continue;
      }
      int percent = Integer.parseInt(m.group(1));
      assertTrue(percent >= lastPercent, "percent went back: " + lines);
      lastPercent = percent;
      shown.add(percent);
      if (m.group(2) != null) {
        long eta = Long.parseLong(m.group(3)) * 60 + Long.parseLong(m.group(4));
        assertTrue(eta <= lastEta, "ETA went back up: " + lines);
        lastEta = eta;
      }
    }
    // 20 % first; at 6 % and 13 % the lines say only the count; 20 % and 26 % are shown without their ETAs
    // (0:32 and 2:45 would go back up from 0:20); at 80 % after 61 s the ETA of 0:15 is shown again
    assertEquals(List.of(20, 20, 26, 80, 93, 100), shown, lines.toString());
    assertEquals("[ingest] 1/15 tasks  0 tasks/s", lines.get(1));
    assertTrue(lines.get(0).endsWith("  20%  ETA 0:20"), lines.get(0));
    assertTrue(lines.get(3).endsWith("  20%"), lines.get(3));
    assertTrue(lines.get(4).endsWith("  26%"), lines.get(4));
    assertTrue(lines.get(5).endsWith("  80%  ETA 0:15"), lines.get(5));
  }

  @Test
  void aStagesClosingLineComesBeforeItsDoneLine() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(buf, true, StandardCharsets.UTF_8);
    AtomicLong clock = new AtomicLong();
    ProgressListener listener = new ProgressListener(both, 1000, () -> clock.addAndGet(1_000_000_000L));
    spark.sparkContext().addSparkListener(listener);
    Console console = new Console(both, false);
    console.settleProgressWith(() -> listener.settle(spark.sparkContext()));
    try {
      spark.sparkContext().setJobGroup("ingest", "test", false);
      var jsc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
      jsc.parallelize(List.of(1, 2, 3, 4), 4).count();
      console.stageDone("ingest", 4.0);
      spark.sparkContext().setJobGroup("tokenize", "test", false);
      jsc.parallelize(List.of(1, 2), 2).count();
      console.stageDone("tokenize", 2.0);
    } finally {
      spark.sparkContext().removeSparkListener(listener);
      spark.sparkContext().clearJobGroup();
    }
    List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
    int ingestDone = lines.indexOf("[ingest] done in 4.0 s");
    assertTrue(ingestDone > 0, lines.toString());
    assertTrue(lines.get(ingestDone - 1).matches("\\[ingest] 4 tasks .* in \\d+:\\d\\d"), lines.toString());
    for (int i = 0; i < ingestDone; i++) {
      assertTrue(lines.get(i).startsWith("[ingest] "), "only ingest lines before its done line: " + lines);
    }
    int tokenizeDone = lines.indexOf("[tokenize] done in 2.0 s");
    assertEquals(lines.size() - 1, tokenizeDone, lines.toString());
    assertTrue(lines.get(tokenizeDone - 1).matches("\\[tokenize] 2 tasks .* in \\d+:\\d\\d"), lines.toString());
  }
}
