package org.tokenometry.jobs.ingest.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.jobs.config.IngestConfig;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.udfs.tables.DocumentRow;
import org.tokenometry.udfs.tables.RejectRow;

/** Shared checks of an ingest output: the manifest's per-source counts against the tables. */
public final class IngestChecks {
  private IngestChecks() {}

  /** Runs the ingest stage of {@code corpora} into {@code out}; returns the console text. */
  public static String ingest(SparkSession spark, Path out, IngestConfig ingest, CorpusConfig... corpora)
      throws Exception {
    PipelineConfig config = new PipelineConfig(out.toString(), List.of("ingest"), List.of(corpora), null, null,
        ingest, null, null, null, null, null);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Pipeline.run(spark, config, new Console(new PrintStream(console, true, StandardCharsets.UTF_8), false));
    return console.toString(StandardCharsets.UTF_8);
  }

  /** A line-mode corpus in eng_Latn over {@code paths}. */
  public static CorpusConfig lines(String name, String... paths) {
    return new CorpusConfig(name, List.of(paths), "auto", "line", "general", "eng_Latn", null, null, null, null,
        false, null);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> manifest(Path out) {
    try {
      return new ObjectMapper().readValue(Files.readString(out.resolve("_manifest.json")), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> ingestSection(Path out) {
    return (Map<String, Object>) ((Map<String, Object>) manifest(out).get("stages")).get("ingest");
  }

  /** {@code stages.ingest.sources}: corpus -> source URI -> counts. */
  @SuppressWarnings("unchecked")
  public static Map<String, Map<String, Map<String, Object>>> sources(Path out) {
    return (Map<String, Map<String, Map<String, Object>>>) ingestSection(out).get("sources");
  }

  /** The counts of the one source of {@code corpus} whose URI ends with {@code suffix}. */
  public static Map<String, Object> source(Path out, String corpus, String suffix) {
    return sources(out).get(corpus).entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).findFirst()
        .orElseThrow(() -> new AssertionError("no source *" + suffix + " of " + corpus + " in " + sources(out)))
        .getValue();
  }

  public static Dataset<Row> documents(SparkSession spark, Path out) {
    return spark.read().schema(RowCodec.of(DocumentRow.class).schema()).parquet(out.resolve("documents").toString());
  }

  public static Dataset<Row> rejects(SparkSession spark, Path out) {
    return spark.read().schema(RowCodec.of(RejectRow.class).schema()).parquet(out.resolve("rejects").toString());
  }

  /**
   * records = documents + rejects for every source in the manifest, and the tables hold exactly the manifest's
   * documents and rejects for each (corpus, source), no more and no fewer.
   */
  public static void assertBalanced(SparkSession spark, Path out) {
    Map<String, Long> docs = countBySource(documents(spark, out));
    Map<String, Long> rejects = countBySource(rejects(spark, out));
    Map<String, Long> listedDocs = new TreeMap<>();
    Map<String, Long> listedRejects = new TreeMap<>();
    sources(out).forEach((corpus, bySource) -> bySource.forEach((source, c) -> {
      long records = number(c, "records");
      long d = number(c, "documents");
      long r = number(c, "rejects");
      assertEquals(records, d + r, "records = documents + rejects for " + corpus + " " + source);
      if (d > 0) {
        listedDocs.put(corpus + " " + source, d);
      }
      if (r > 0) {
        listedRejects.put(corpus + " " + source, r);
      }
    }));
    assertEquals(listedDocs, docs, "documents per source: the manifest against the table");
    assertEquals(listedRejects, rejects, "rejects per source: the manifest against the table");
    assertTrue(!sources(out).isEmpty(), "the manifest lists sources");
  }

  private static Map<String, Long> countBySource(Dataset<Row> table) {
    Map<String, Long> m = new TreeMap<>();
    for (Row r : table.groupBy("corpus", "source").count().collectAsList()) {
      m.put(r.getString(0) + " " + r.getString(1), r.getLong(2));
    }
    return m;
  }

  public static long number(Map<String, Object> counts, String key) {
    return ((Number) counts.get(key)).longValue();
  }
}
