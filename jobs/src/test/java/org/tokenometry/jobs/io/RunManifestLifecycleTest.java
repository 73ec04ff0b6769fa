package org.tokenometry.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sections of a manifest survive which run, without Spark. */
class RunManifestLifecycleTest {
  @TempDir java.nio.file.Path dir;
  private FileSystem fs;
  private String out;

  @BeforeEach
  void setUp() throws Exception {
    fs = FileSystem.getLocal(new Configuration());
    out = dir.resolve("out").toString();
  }

  /** Run A: ingest (one corpus file), tokenize (one tokenizer) and qa (one question file) complete. */
  private Map<String, Object> runA() throws Exception {
    RunManifest a = new RunManifest("A", Map.of(), Map.of());
    a.beginStage("ingest");
    a.input("file:/c/news.txt", Map.of("bytes", 10));
    a.stage("ingest").put("documents", 3);
    a.completeStage("ingest", 1.0);
    a.beginStage("tokenize");
    a.tokenizer("gpt4o", Map.of("sha256", "ab"));
    a.completeStage("tokenize", 2.0);
    a.beginStage("qa");
    a.input("file:/q/chroma.csv", Map.of("kind", "questions", "questions", 5));
    a.completeStage("qa", 3.0);
    a.status(RunManifest.COMPLETE);
    a.write(fs, out);
    return RunManifest.read(fs, out).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void aStageThatRunsAgainReplacesOnlyItsOwnSectionInputsAndTokenizers() throws Exception {
    RunManifest b = new RunManifest("B", Map.of(), Map.of());
    b.inherit(runA());
    b.beginStage("ingest");
    assertEquals(3, b.previousSection("ingest").get("documents"), "what ingest said before this run");
    b.input("file:/c/other.txt", Map.of("bytes", 7));
    b.completeStage("ingest", 1.0);
    Map<String, Object> m = b.asMap();
    assertEquals(List.of("file:/c/other.txt", "file:/q/chroma.csv").stream().sorted().toList(),
        map(m.get("inputs")).keySet().stream().sorted().toList(), "ingest's old input went, qa's stayed");
    assertEquals("ingest", map(map(m.get("inputs")).get("file:/c/other.txt")).get(RunManifest.RECORDED_BY));
    assertTrue(map(m.get("tokenizers")).containsKey("gpt4o"), "tokenize did not run: its tokenizers stay");
    Map<String, Object> stages = map(m.get("stages"));
    assertEquals("B", map(stages.get("ingest")).get("run_id"));
    assertFalse(map(stages.get("ingest")).containsKey("documents"), "nothing of the old ingest section lingers");
    assertEquals("A", map(stages.get("tokenize")).get("run_id"));
    assertEquals("A", map(stages.get("qa")).get("run_id"));
    assertEquals(Map.of("run_id", "A", "status", "complete", "started", map(m.get("previous_run")).get("started"),
        "finished", map(m.get("previous_run")).get("finished")), new LinkedHashMap<>(map(m.get("previous_run"))));
  }

  @Test
  void aFailedStageKeepsTheLastCompleteSectionAsPrevious() throws Exception {
    RunManifest b = new RunManifest("B", Map.of(), Map.of());
    b.inherit(runA());
    b.beginStage("tokenize");
    b.failStage("tokenize", "boom");
    b.status(RunManifest.FAILED);
    b.write(fs, out);
    RunManifest c = new RunManifest("C", Map.of(), Map.of());
    c.inherit(RunManifest.read(fs, out).orElseThrow());
    c.beginStage("tokenize");
    c.failStage("tokenize", "boom again");
    Map<String, Object> t = map(map(c.asMap().get("stages")).get("tokenize"));
    assertEquals("failed", t.get("status"));
    assertEquals("boom again", t.get("error"));
    assertEquals("A", map(t.get("previous")).get("run_id"), "still the complete run's section, two failures on");
    assertEquals("complete", map(t.get("previous")).get("status"));
  }

  @Test
  void aRunStillRunningInThePreviousManifestWasInterrupted() throws Exception {
    RunManifest dead = new RunManifest("D", Map.of(), Map.of());
    dead.inherit(runA());
    dead.beginStage("qa");
    dead.write(fs, out); // killed here: status running, qa running
    RunManifest next = new RunManifest("E", Map.of(), Map.of());
    Map<String, Object> brief = next.inherit(RunManifest.read(fs, out).orElseThrow());
    assertEquals("D", brief.get("run_id"));
    assertEquals(RunManifest.INTERRUPTED, brief.get("status"));
    Map<String, Object> stages = map(next.asMap().get("stages"));
    assertEquals(RunManifest.INTERRUPTED, map(stages.get("qa")).get("status"));
    assertEquals("D", map(stages.get("qa")).get("run_id"));
    assertEquals(RunManifest.COMPLETE, map(stages.get("ingest")).get("status"));
  }

  @Test
  void anInterruptIsTheLastWord() throws Exception {
    RunManifest m = new RunManifest("B", Map.of(), Map.of());
    m.beginStage("tokenize");
    assertTrue(m.interrupt("SIGTERM", fs, out));
    // what the main thread does next, when Spark stops under it
    m.failStage("tokenize", "SparkContext was shut down");
    m.status(RunManifest.FAILED);
    m.write(fs, out);
    Map<String, Object> onDisk = RunManifest.read(fs, out).orElseThrow();
    assertEquals(RunManifest.INTERRUPTED, onDisk.get("status"));
    assertEquals("SIGTERM", onDisk.get("signal"));
    assertEquals(RunManifest.INTERRUPTED, map(map(onDisk.get("stages")).get("tokenize")).get("status"));
    assertFalse(m.interrupt("SIGINT", fs, out), "once only");
  }

  @Test
  void aFinishedRunIsNotMarkedInterruptedByALateShutdown() throws Exception {
    RunManifest m = new RunManifest("B", Map.of(), Map.of());
    m.status(RunManifest.COMPLETE);
    m.write(fs, out);
    assertFalse(m.interrupt("shutdown", fs, out));
    assertEquals(RunManifest.COMPLETE, RunManifest.read(fs, out).orElseThrow().get("status"));
  }

  @Test
  void aManifestLeftInItsTempFileIsFound() throws Exception {
    runA();
    // killed between deleting the old manifest and renaming the new one into place
    Files.move(dir.resolve("out/" + RunManifest.FILE), dir.resolve("out/" + RunManifest.TEMP));
    assertEquals("A", RunManifest.read(fs, out).orElseThrow().get("run_id"));
  }
}
