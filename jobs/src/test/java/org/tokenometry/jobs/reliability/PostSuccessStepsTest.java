package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 9: once every stage completed and the final manifest is written, the run has succeeded. The
 * closing summary is best-effort: an old table it cannot read costs one warning line, never exit 1.
 */
class PostSuccessStepsTest {
  @TempDir Path dir;

  @Test
  void anUnreadableOldTableCostsTheSummaryNotTheRun() throws Exception {
    Path cfg = RunFixtures.config(dir, "");
    Path out = dir.resolve("out");
    // an old compression table (left by an earlier run) whose part file is not Parquet
    Files.createDirectories(out.resolve("compression"));
    Files.writeString(out.resolve("compression/_SUCCESS"), "");
    Files.writeString(out.resolve("compression/part-00000-0.snappy.parquet"), "this is not parquet");

    CliRun r = CliRun.of("run", cfg.toString(), "--master", "local[1]", "-q");
    assertEquals(0, r.code(), r.toString());
    assertEquals("complete", RunFixtures.manifest(out).path("status").asText());
    assertEquals(1, r.errLines().size(), "one warning line: " + r);
    String warning = r.errLines().get(0);
    assertTrue(warning.startsWith("warning: ") && warning.contains("summary"), warning);
    assertTrue(r.out().contains("output: " + out), r.toString());
  }
}
