package org.tokenometry.jobs.ingest.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.jobs.report.ReportTables;
import org.tokenometry.testing.SparkTest;

/**
 * Issue 17, item 8: writing corpus x, then corpus y, into one output kept both in documents but only y's
 * rejects and only y in the manifest. A run now replaces exactly its own corpora: in documents (all their
 * languages), in rejects (partitioned by corpus) and in the manifest's sources.
 */
class TwoConfigsOneOutputTest extends SparkTest {
  @TempDir
  Path dir;

  private static CorpusConfig byColumn(String name, Path file) {
    return new CorpusConfig(name, List.of(file.toString()), "auto", "record", "general", null, "column", "lang",
        "text", null, false, null);
  }

  private Map<String, Long> rejectsByCorpus(Path out) {
    Map<String, Long> m = new TreeMap<>();
    for (Row r : IngestChecks.rejects(spark, out).groupBy("corpus", "reason").count().collectAsList()) {
      m.put(r.getString(0) + ":" + r.getString(1), r.getLong(2));
    }
    return m;
  }

  private Map<String, Long> docsByCorpusLang(Path out) {
    Map<String, Long> m = new TreeMap<>();
    for (Row r : IngestChecks.documents(spark, out).groupBy("corpus", "lang").count().collectAsList()) {
      m.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
    }
    return m;
  }

  /** x's name needs escaping in a partition folder ({@code corpus=x%2F1}): its partitions are still found. */
  private static final String X = "x/1";

  @Test
  void eachRunReplacesOnlyItsOwnCorpora() throws Exception {
    Path x = dir.resolve("x.jsonl");
    Path y = dir.resolve("y.jsonl");
    Files.writeString(x, "{\"text\":\"x one\",\"lang\":\"eng_Latn\"}\n{\"text\":\"x deux\",\"lang\":\"fra_Latn\"}\n"
        + "{\"text\":\"  \"}\n");
    Files.writeString(y, "{\"text\":\"y one\",\"lang\":\"eng_Latn\"}\n{\"lang\":\"eng_Latn\"}\n");
    Path out = dir.resolve("out");

    IngestChecks.ingest(spark, out, IngestConfig.defaults(), byColumn(X, x));
    IngestChecks.ingest(spark, out, IngestConfig.defaults(), byColumn("y", y));
    assertEquals(Map.of("x/1/eng_Latn", 1L, "x/1/fra_Latn", 1L, "y/eng_Latn", 1L), docsByCorpusLang(out));
    assertEquals(Map.of("x/1:empty_text", 1L, "y:missing_text_field", 1L), rejectsByCorpus(out));
    assertTrue(Files.isDirectory(out.resolve("rejects/corpus=x%2F1")));
    assertEquals(List.of(X, "y"), List.copyOf(new TreeMap<>(IngestChecks.sources(out)).keySet()));
    assertEquals(3L, IngestChecks.number(IngestChecks.source(out, X, "/x.jsonl"), "records"));
    IngestChecks.assertBalanced(spark, out);

    // x again, its bad record fixed and its French line gone: no stale French partition, no stale reject
    Files.writeString(x, "{\"text\":\"x one\",\"lang\":\"eng_Latn\"}\n{\"text\":\"x three\",\"lang\":\"eng_Latn\"}\n");
    IngestChecks.ingest(spark, out, IngestConfig.defaults(), byColumn(X, x));
    assertEquals(Map.of("x/1/eng_Latn", 2L, "y/eng_Latn", 1L), docsByCorpusLang(out));
    assertFalse(Files.exists(out.resolve("documents/corpus=x%2F1/lang=fra_Latn")));
    assertEquals(Map.of("y:missing_text_field", 1L), rejectsByCorpus(out));
    assertFalse(Files.exists(out.resolve("rejects/corpus=x%2F1")));
    assertEquals(2L, IngestChecks.number(IngestChecks.source(out, X, "/x.jsonl"), "records"));
    assertEquals(2L, IngestChecks.number(IngestChecks.source(out, "y", "/y.jsonl"), "records"),
        "y's counts survive a run that did not read y");
    IngestChecks.assertBalanced(spark, out);
  }

  @Test
  void aRunWithoutRejectsLeavesAnEmptyRejectsTableTheReportCanRead() throws Exception {
    Path z = dir.resolve("z.jsonl");
    Files.writeString(z, "{\"text\":\"clean\",\"lang\":\"eng_Latn\"}\n");
    Path out = dir.resolve("clean");
    IngestChecks.ingest(spark, out, IngestConfig.defaults(), byColumn("z", z));
    // partitioned by corpus and no rows: no data files, only the table's _SUCCESS
    assertEquals(Map.of(), ReportTables.load(new TableStore(spark, out.toString(), "test")).rejectsByReason());
    IngestChecks.assertBalanced(spark, out);
  }

  @Test
  void aRejectsTableFromBeforeTheCorpusColumnIsReplacedWhole() throws Exception {
    Path out = dir.resolve("old");
    // the layout older versions wrote: unpartitioned, no corpus column
    spark.sql("select 'file:/old.txt' as source, 1L as record_no, 'empty_text' as reason, 'no text' as detail, "
        + "'' as raw_prefix").write().parquet(out.resolve("rejects").toString());
    Path y = dir.resolve("y.jsonl");
    Files.writeString(y, "{\"text\":\"y one\",\"lang\":\"eng_Latn\"}\n{\"lang\":\"eng_Latn\"}\n");
    IngestChecks.ingest(spark, out, IngestConfig.defaults(), byColumn("y", y));
    assertEquals(Map.of("y:missing_text_field", 1L), rejectsByCorpus(out));
    assertTrue(Files.isDirectory(out.resolve("rejects/corpus=y")));
  }
}
