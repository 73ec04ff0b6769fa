package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 7: the manifest after failures. A failed run keeps the sections of the stages it did not run
 * (their tables are still there) and says which run wrote each; a run that finds the leftovers of a killed run
 * (a {@code running} manifest, {@code _staging/<run>} folders, a table moved aside mid-swap) records that run as
 * interrupted, puts the table back and removes the rest.
 */
class ManifestLifecycleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void aFailedRunKeepsTheSectionsOfStagesItDidNotRun() throws Exception {
    Path cfg = RunFixtures.config(dir, "");
    Path out = dir.resolve("out");
    CliRun ingest = CliRun.of("run", cfg.toString(), "--master", "local[1]", "-q");
    assertEquals(0, ingest.code(), ingest.toString());
    JsonNode before = RunFixtures.manifest(out);

    CliRun failing = CliRun.of("run", cfg.toString(), "--stages", "fail", "--master", "local[1]", "-q");
    assertEquals(1, failing.code(), failing.toString());
    JsonNode m = RunFixtures.manifest(out);
    assertEquals("failed", m.path("status").asText());
    assertNotEquals(before.path("run_id").asText(), m.path("run_id").asText());
    JsonNode ingestSection = m.path("stages").path("ingest");
    assertEquals(before.path("stages").path("ingest").path("documents").asLong(), 3);
    assertEquals(3, ingestSection.path("documents").asLong(), m.toPrettyString());
    assertEquals("complete", ingestSection.path("status").asText());
    assertEquals(before.path("run_id").asText(), ingestSection.path("run_id").asText());
    JsonNode fail = m.path("stages").path("fail");
    assertEquals("failed", fail.path("status").asText(), m.toPrettyString());
    assertEquals(m.path("run_id").asText(), fail.path("run_id").asText());
    assertTrue(fail.path("error").asText().contains("fails on purpose"), m.toPrettyString());
    assertEquals(before.path("inputs"), m.path("inputs"), "the ingest stage's inputs are kept with it");
    assertFalse(Files.exists(out.resolve("_lock")), "a failed run releases the lock too");
  }

  @Test
  void theLeftoversOfAKilledRunAreRecordedRestoredAndRemoved() throws Exception {
    Path cfg = RunFixtures.config(dir, "");
    Path out = dir.resolve("out");
    CliRun ingest = CliRun.of("run", cfg.toString(), "--master", "local[1]", "-q");
    assertEquals(0, ingest.code(), ingest.toString());
    TreeMap<String, String> documents = RunFixtures.listing(out.resolve("documents"));

    // a run killed while swapping documents into place, after moving the old table aside: documents is gone
    String dead = "20990101-000000-deadbeef";
    Path staging = out.resolve("_staging").resolve(dead);
    Files.createDirectories(staging.resolve("documents-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"));
    Files.writeString(staging.resolve("documents-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/part-00000.parquet"), "x");
    Files.move(out.resolve("documents"), staging.resolve("documents-old"), StandardCopyOption.ATOMIC_MOVE);
    ObjectNode running = (ObjectNode) RunFixtures.manifest(out);
    running.put("run_id", dead).put("status", "running");
    ((ObjectNode) running.path("stages").path("ingest")).put("status", "running").put("run_id", dead);
    Files.writeString(out.resolve("_manifest.json"), JSON.writeValueAsString(running));

    CliRun next = CliRun.of("run", cfg.toString(), "--stages", "sleep", "--master", "local[1]",
        "--conf", "spark.tokenometry.sleep.ms=0");
    assertEquals(0, next.code(), next.toString());
    assertEquals(documents, RunFixtures.listing(out.resolve("documents")), "the table moved aside is back");
    assertEquals(List.of(), RunFixtures.names(out.resolve("_staging")), "no staging left, this run's included");
    JsonNode m = RunFixtures.manifest(out);
    assertEquals("complete", m.path("status").asText());
    assertEquals(dead, m.path("previous_run").path("run_id").asText(), m.toPrettyString());
    assertEquals("interrupted", m.path("previous_run").path("status").asText());
    assertEquals("interrupted", m.path("stages").path("ingest").path("status").asText(), m.toPrettyString());
    assertEquals(dead, m.path("stages").path("ingest").path("run_id").asText());
    String console = next.out() + next.err();
    assertTrue(console.contains(dead) && console.contains("interrupted"), console);
    assertTrue(console.contains("documents"), "the restored table is named: " + console);
    assertFalse(Files.exists(out.resolve("_lock")));
  }
}
