package org.tokenometry.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a dead run left in {@code _staging}: partitions it moved aside come back, the rest goes, a live run's stays. */
class StagingCleanupTest {
  @TempDir java.nio.file.Path dir;

  private void file(String rel, String content) throws Exception {
    java.nio.file.Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void partitionsMovedAsideAndNotReplacedComeBackTheRestGoes() throws Exception {
    // documents: partition news/eng was already replaced by the dead run, news/deu was moved aside and then it died
    file("out/documents/_SUCCESS", "");
    file("out/documents/corpus=news/lang=eng/part-0.parquet", "new eng");
    file("out/_staging/dead/documents-old/corpus=news/lang=eng/part-0.parquet", "old eng");
    file("out/_staging/dead/documents-old/corpus=news/lang=deu/part-0.parquet", "old deu");
    file("out/_staging/dead/documents-5d0c/corpus=news/lang=fra/part-0.parquet", "half written");
    file("out/_staging/mine/compression-1a2b/part-0.parquet", "this run's own");
    FileSystem fs = FileSystem.getLocal(new Configuration());

    List<String> done = StagingCleanup.clean(fs, new Path(dir.resolve("out").toUri()), "mine");

    assertEquals("old deu", Files.readString(dir.resolve("out/documents/corpus=news/lang=deu/part-0.parquet")));
    assertEquals("new eng", Files.readString(dir.resolve("out/documents/corpus=news/lang=eng/part-0.parquet")));
    assertFalse(Files.exists(dir.resolve("out/documents/corpus=news/lang=fra")), "half-written data never lands");
    assertFalse(Files.exists(dir.resolve("out/_staging/dead")));
    assertTrue(Files.exists(dir.resolve("out/_staging/mine/compression-1a2b/part-0.parquet")));
    assertEquals(2, done.size(), done.toString());
    assertTrue(done.get(0).startsWith("restored table documents (1 folder) that run dead had moved aside"),
        done.get(0));
    assertTrue(done.get(1).startsWith("removed ") && done.get(1).endsWith("left by run dead"), done.get(1));
  }
}
