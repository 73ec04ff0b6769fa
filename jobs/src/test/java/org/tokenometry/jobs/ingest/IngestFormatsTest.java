package org.tokenometry.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.jobs.config.IngestConfig;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.ingest.reliability.IngestChecks;
import org.tokenometry.testing.SparkTest;

/** Arrow streams (string and large_string), Parquet (plain and gzipped) and gzipped JSONL through IngestStage. */
class IngestFormatsTest extends SparkTest {
  @TempDir
  Path dir;

  /** Writes an Arrow IPC stream in two batches with Arrow's own writer, as Hugging Face datasets caches do. */
  private static void writeArrow(Path file, boolean large, String[] ids, String[] texts, boolean gzip)
      throws Exception {
    ArrowType textType = large ? ArrowType.LargeUtf8.INSTANCE : ArrowType.Utf8.INSTANCE;
    Schema schema = new Schema(List.of(new Field("id", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
        new Field("text", FieldType.nullable(textType), null)));
    try (RootAllocator alloc = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, alloc);
        OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
      writer.start();
      int half = ids.length / 2;
      for (int[] range : new int[][] {{0, half}, {half, ids.length}}) {
        VarCharVector id = (VarCharVector) root.getVector("id");
        id.allocateNew();
        if (large) {
          ((LargeVarCharVector) root.getVector("text")).allocateNew();
        } else {
          ((VarCharVector) root.getVector("text")).allocateNew();
        }
        for (int i = range[0]; i < range[1]; i++) {
          int row = i - range[0];
          id.setSafe(row, ids[i].getBytes(StandardCharsets.UTF_8));
          if (texts[i] == null) {
            if (large) {
              ((LargeVarCharVector) root.getVector("text")).setNull(row);
            } else {
              ((VarCharVector) root.getVector("text")).setNull(row);
            }
          } else if (large) {
            ((LargeVarCharVector) root.getVector("text")).setSafe(row, texts[i].getBytes(StandardCharsets.UTF_8));
          } else {
            ((VarCharVector) root.getVector("text")).setSafe(row, texts[i].getBytes(StandardCharsets.UTF_8));
          }
        }
        root.setRowCount(range[1] - range[0]);
        writer.writeBatch();
      }
      writer.end();
    }
  }

  private static CorpusConfig record(String name, String path, String idColumn) {
    return new CorpusConfig(name, List.of(path), "auto", "record", "general", "eng_Latn", null, null, "text",
        idColumn, false, null);
  }

  @Test
  void arrowParquetAndGzip() throws Exception {
    writeArrow(dir.resolve("small.arrow"), false, new String[] {"a1", "a2", "a3", "a4"},
        new String[] {"alpha one", null, "alpha three", "gamma\u0000four"}, false);
    writeArrow(dir.resolve("large.arrow.gz"), true, new String[] {"b1", "b2"},
        new String[] {"beta one", "  "}, true);
    StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
    spark.createDataFrame(List.of(RowFactory.create("p1", "parquet one"), RowFactory.create("p2", null),
        RowFactory.create("p3", "parquet three")), schema).coalesce(1).write().parquet(dir.resolve("pq").toString());
    Path pqFile;
    try (var files = Files.list(dir.resolve("pq"))) {
      pqFile = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("zipped.parquet.gz")))) {
      Files.copy(pqFile, out);
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("lines.jsonl.gz")))) {
      out.write("{\"id\":\"j1\",\"text\":\"json one\"}\n{\"id\":\"j2\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    PipelineConfig config = new PipelineConfig(dir.resolve("out").toString(), List.of("ingest"), List.of(
        record("arrow", dir + "/*.arrow*", "id"),
        record("parquet", dir + "/pq/*.parquet", "id"),
        record("parquet-gz", dir + "/zipped.parquet.gz", "id"),
        record("jsonl", dir + "/lines.jsonl.gz", "id")),
        null, null, new IngestConfig(null, 4, null), null, null, null, null, null);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Pipeline.run(spark, config, new Console(new PrintStream(console, true, StandardCharsets.UTF_8), false));
    IngestChecks.assertBalanced(spark, dir.resolve("out"));

    List<Row> docs = spark.read().parquet(dir.resolve("out/documents").toString()).collectAsList();
    // arrow 3 + 1, parquet 2, parquet.gz 2 (the same p1/p3 ids), jsonl 1
    assertEquals(9, docs.size());
    Map<String, String> textById = new TreeMap<>();
    docs.forEach(r -> textById.put(r.getAs("doc_id"), r.getAs("text")));
    assertEquals(Map.of("a1", "alpha one", "a3", "alpha three", "a4", "gamma four", "b1", "beta one",
        "p1", "parquet one", "p3", "parquet three", "j1", "json one"), textById);
    Map<String, Long> reasons = new TreeMap<>();
    for (Row r : spark.read().parquet(dir.resolve("out/rejects").toString()).collectAsList()) {
      String file = Path.of(r.<String>getAs("source").replace("file:", "")).getFileName().toString();
      reasons.merge(file + "#" + r.getAs("record_no") + ":" + r.getAs("reason"), 1L, Long::sum);
    }
    // a null text in Arrow/Parquet is a missing field; whitespace is empty text
    assertEquals(Map.of("small.arrow#2:missing_text_field", 1L, "large.arrow.gz#2:empty_text", 1L,
        "lines.jsonl.gz#2:missing_text_field", 1L, "zipped.parquet.gz#2:missing_text_field", 1L), 
        withoutPlainParquet(reasons));
    assertEquals(1, reasons.keySet().stream().filter(k -> k.endsWith(".parquet#2:missing_text_field")).count());
  }

  private static Map<String, Long> withoutPlainParquet(Map<String, Long> m) {
    Map<String, Long> out = new TreeMap<>(m);
    out.keySet().removeIf(k -> k.endsWith(".parquet#2:missing_text_field"));
    return out;
  }
}
