package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 6: two runs into one output at once. Two real processes (not two threads): the lock's whole
 * point is telling a live process from a dead one by pid and start time, which two threads of one JVM share.
 * The first run is a child JVM held open in a stage; the second runs in this JVM.
 */
class OutputLockTest {
  @TempDir Path dir;

  @Test
  void aSecondRunExitsTwoNamingTheOwnerAndTakesOverOnceTheOwnerIsKilled() throws Exception {
    Path cfg = RunFixtures.config(dir, "");
    Path out = dir.resolve("out");
    Path marker = dir.resolve("sleeping");
    try (ChildRun first = ChildRun.start(dir, Map.of(), "run", cfg.toString(), "--stages", "sleep",
        "--master", "local[1]", "-q", "--conf", "spark.tokenometry.sleep.marker=" + marker)) {
      first.awaitFile(marker, Duration.ofMinutes(3));
      String firstRun = Files.readString(marker);

      CliRun second = CliRun.of("run", cfg.toString(), "--master", "local[1]", "-q");
      assertEquals(2, second.code(), second.toString());
      assertEquals(1, second.errLines().size(), "one line: " + second);
      String line = second.errLines().get(0);
      assertTrue(line.contains("locked"), line);
      assertTrue(line.contains("pid " + first.pid()), line);
      assertTrue(line.contains(firstRun), line);
      assertFalse(Files.exists(out.resolve("documents")), "the locked-out run wrote nothing");
      assertEquals(firstRun, RunFixtures.manifest(out).path("run_id").asText(), "nor touched the manifest");

      first.signal("KILL");
      assertEquals(137, first.awaitExit(Duration.ofMinutes(1)));
      assertEquals("running", RunFixtures.manifest(out).path("status").asText(), "kill -9 runs no hook");

      CliRun third = CliRun.of("run", cfg.toString(), "--master", "local[1]");
      assertEquals(0, third.code(), third.toString());
      String all = third.out() + third.err();
      assertTrue(all.contains("pid " + first.pid()) && all.contains("no longer running"), all);
      JsonNode m = RunFixtures.manifest(out);
      assertEquals("complete", m.path("status").asText());
      assertEquals(firstRun, m.path("previous_run").path("run_id").asText(), m.toPrettyString());
      assertEquals("interrupted", m.path("previous_run").path("status").asText(), m.toPrettyString());
      assertEquals("interrupted", m.path("stages").path("sleep").path("status").asText(), m.toPrettyString());
      assertFalse(RunFixtures.names(out.resolve("_staging")).contains(firstRun), "the dead run's staging is gone");
      assertFalse(Files.exists(out.resolve("_lock")), "released at the end");
    }
  }
}
