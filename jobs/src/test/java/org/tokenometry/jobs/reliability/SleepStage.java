package org.tokenometry.jobs.reliability;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tokenometry.jobs.Stage;
import org.tokenometry.jobs.StageContext;

/**
 * A test-only stage that holds a run open so a test can signal or kill it: it leaves a half-written table in
 * its run's staging folder (as a killed write would), writes its run id to {@code spark.tokenometry.sleep.marker}
 * and sleeps {@code spark.tokenometry.sleep.ms} (default 120 s).
 */
public final class SleepStage implements Stage {
  @Override
  public String name() {
    return "sleep";
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    String runId = String.valueOf(ctx.manifest().asMap().get("run_id"));
    Path half = new Path(ctx.tables().output() + "/_staging/" + runId + "/sleep-" + UUID.randomUUID());
    FileSystem fs = ctx.tables().fs(half);
    try (OutputStream os = fs.create(new Path(half, "part-00000.parquet"))) {
      os.write("half written".getBytes(StandardCharsets.UTF_8));
    }
    String marker = ctx.spark().conf().get("spark.tokenometry.sleep.marker", "");
    if (!marker.isEmpty()) { // written whole, then renamed: a test that sees the file can read the id
      java.nio.file.Path tmp = java.nio.file.Path.of(marker + ".tmp");
      Files.writeString(tmp, runId);
      Files.move(tmp, java.nio.file.Path.of(marker), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    Thread.sleep(Long.parseLong(ctx.spark().conf().get("spark.tokenometry.sleep.ms", "120000")));
  }
}
