package org.tokenometry.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.ingest.reliability.IngestChecks;
import org.tokenometry.testing.SparkTest;

/**
 * A one-language corpus of several MB lands in one documents file (one per corpus and lang), which readers can
 * only split at row groups: ingest writes them small, so the tokenize stage can use every core on it.
 */
class IngestRowGroupsTest extends SparkTest {
  @TempDir
  Path dir;

  @Test
  void aSeveralMegabyteLanguageFileHasSmallRowGroups() throws Exception {
    // 60,000 lines of random words (~7 MB): random, so that Parquet's dictionary cannot shrink them away
    SplittableRandom random = new SplittableRandom(7);
    List<String> lines = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < 60_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int w = 0; w < 20; w++) {
        for (int c = 2 + random.nextInt(7); c > 0; c--) {
          line.append((char) ('a' + random.nextInt(26)));
        }
        line.append(' ');
      }
      lines.add(line.toString().strip());
      bytes += lines.get(i).length();
    }
    Files.createDirectories(dir.resolve("text"));
    Files.write(dir.resolve("text/eng_Latn.txt"), lines, StandardCharsets.UTF_8);
    PipelineConfig config = new PipelineConfig(dir.resolve("out").toString(), List.of("ingest"), List.of(
        new CorpusConfig("big", List.of(dir + "/text"), "auto", "line", "general", null, "filename", null, null,
            null, false, null)), null, null, null, null, null, null, null, null);
    Pipeline.run(spark, config, new Console(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), false));
    IngestChecks.assertBalanced(spark, dir.resolve("out"));

    List<BlockMetaData> groups = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir.resolve("out/documents/corpus=big/lang=eng_Latn"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
            new org.apache.hadoop.fs.Path(f.toUri()), spark.sparkContext().hadoopConfiguration()))) {
          groups.addAll(r.getFooter().getBlocks());
        }
      }
    }
    assertEquals(60_000, groups.stream().mapToLong(BlockMetaData::getRowCount).sum());
    // Parquet's default (128 MiB) made this one group; Parquet checks the size every so many rows, so a group
    // may pass the target a little
    assertTrue(groups.size() >= 3, groups.size() + " row groups for " + bytes + " bytes");
    for (BlockMetaData g : groups) {
      assertTrue(g.getTotalByteSize() < 2 * IngestStage.DOCUMENTS_ROW_GROUP_BYTES, g.getTotalByteSize() + " bytes");
    }
  }
}
