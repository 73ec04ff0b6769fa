package org.tokenometry.jobs.ingest.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.jobs.config.IngestConfig;
import org.tokenometry.testing.SparkTest;

/**
 * Issue 17, item 1: a corpus folder with a link to {@code /proc/self/mem} (reading it gives EIO, which Hadoop's
 * local filesystem throws as {@code FSError}, an Error) aborted the whole run with exit 1 and no tables. It is
 * now that file's unreadable_file reject, in every format, and the run goes on.
 */
class ReadErrorTest extends SparkTest {
  @TempDir
  Path dir;

  private static CorpusConfig record(String name, Path... files) {
    return new CorpusConfig(name, java.util.Arrays.stream(files).map(Path::toString).toList(), "auto", "record",
        "general", "eng_Latn", null, null, null, null, false, null);
  }

  @Test
  void eioIsAnUnreadableRejectAndTheRunGoesOn() throws Exception {
    Path text = Files.createDirectories(dir.resolve("text"));
    Files.writeString(text.resolve("good.txt"), "one\ntwo\n");
    Files.createSymbolicLink(text.resolve("mem.txt"), Path.of("/proc/self/mem"));
    Path records = Files.createDirectories(dir.resolve("records"));
    Files.writeString(records.resolve("good.jsonl"), "{\"text\":\"three\"}\n");
    for (String name : List.of("mem.jsonl", "mem.csv", "mem.arrow")) {
      Files.createSymbolicLink(records.resolve(name), Path.of("/proc/self/mem"));
    }
    Path out = dir.resolve("out");
    // one corpus per format: the three links are one real file, which a corpus reads once
    IngestChecks.ingest(spark, out, IngestConfig.defaults(), IngestChecks.lines("text", text.toString()),
        record("jsonl", records.resolve("good.jsonl"), records.resolve("mem.jsonl")),
        record("csv", records.resolve("mem.csv")), record("arrow", records.resolve("mem.arrow")));

    List<String> texts = IngestChecks.documents(spark, out).orderBy("text").select("text").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("one", "three", "two"), texts);
    Map<String, String> rejects = new TreeMap<>();
    for (Row r : IngestChecks.rejects(spark, out).collectAsList()) {
      String source = r.getAs("source");
      rejects.put(source.substring(source.lastIndexOf('/') + 1) + "#" + r.getAs("record_no") + " "
          + r.getAs("reason"), r.getAs("detail"));
    }
    assertEquals(List.of("mem.arrow#1 unreadable_file", "mem.csv#1 unreadable_file", "mem.jsonl#1 unreadable_file",
        "mem.txt#1 unreadable_file"), List.copyOf(rejects.keySet()));
    rejects.values().forEach(d -> assertTrue(d.startsWith("IOException: Input/output error (reading stopped after "
        + "record 0"), d));
    IngestChecks.assertBalanced(spark, out);
  }
}
