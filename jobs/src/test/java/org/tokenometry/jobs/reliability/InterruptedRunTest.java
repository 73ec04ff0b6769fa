package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 7: Ctrl-C (SIGINT) and SIGTERM, sent to a real run in its own JVM while a stage works, end it
 * with 130 / 143, a manifest that says {@code interrupted} (not {@code running} forever), the sections of the
 * stages it did not run kept, and the output lock released.
 */
class InterruptedRunTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"INT, 130, SIGINT", "TERM, 143, SIGTERM"})
  void aSignalledRunSaysInterruptedKeepsOtherSectionsAndReleasesTheLock(String signal, int exit, String name)
      throws Exception {
    Path cfg = RunFixtures.config(dir, "");
    Path out = dir.resolve("out");
    CliRun ingest = CliRun.of("run", cfg.toString(), "--master", "local[1]", "-q");
    assertEquals(0, ingest.code(), ingest.toString());
    String ingestRun = RunFixtures.manifest(out).path("run_id").asText();

    Path marker = dir.resolve("sleeping");
    try (ChildRun run = ChildRun.start(dir, Map.of(), "run", cfg.toString(), "--stages", "sleep",
        "--master", "local[1]", "-q", "--conf", "spark.tokenometry.sleep.marker=" + marker)) {
      run.awaitFile(marker, Duration.ofMinutes(3));
      String runId = Files.readString(marker);
      run.signal(signal);
      assertEquals(exit, run.awaitExit(Duration.ofMinutes(1)), run.log());

      JsonNode m = RunFixtures.manifest(out);
      assertEquals(runId, m.path("run_id").asText());
      assertEquals("interrupted", m.path("status").asText(), m.toPrettyString());
      assertEquals(name, m.path("signal").asText(), m.toPrettyString());
      assertEquals("interrupted", m.path("stages").path("sleep").path("status").asText(), m.toPrettyString());
      JsonNode ingestSection = m.path("stages").path("ingest");
      assertEquals("complete", ingestSection.path("status").asText(), m.toPrettyString());
      assertEquals(ingestRun, ingestSection.path("run_id").asText(), "which run wrote the ingest section");
      assertEquals(3, ingestSection.path("documents").asLong());
      assertFalse(Files.exists(out.resolve("_lock")), "the lock is released on a signal");
    }
  }
}
