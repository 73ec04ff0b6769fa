package org.tokenometry.jobs.qa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import org.tokenometry.udfs.qa.ChromaQuestionFile;
import org.tokenometry.udfs.qa.JsonlQuestionFile;

/** Reads a question file (Chroma CSV, JSONL or Parquet) from any Hadoop filesystem into entries. */
public final class QuestionFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private QuestionFiles() {}

  public static String format(String path, String configured) {
    if (!"auto".equals(configured)) {
      return configured;
    }
    String p = path.toLowerCase(java.util.Locale.ROOT);
    if (p.endsWith(".csv")) {
      return "csv";
    }
    if (p.endsWith(".jsonl") || p.endsWith(".json")) {
      return "jsonl";
    }
    if (p.endsWith(".parquet") || !p.contains(".")) {
      return "parquet";
    }
    throw new IllegalArgumentException(path + ": cannot tell the question file format from its name; set "
        + "format: csv, jsonl or parquet in qa.imports");
  }

  public static List<ChromaQuestionFile.Entry> read(SparkSession spark, String path, String format) {
    try {
      switch (format(path, format)) {
        case "parquet":
          return readParquet(spark, path);
        case "jsonl":
          try (Reader r = open(spark, path)) {
            return JsonlQuestionFile.read(r);
          }
        default:
          try (Reader r = open(spark, path)) {
            return ChromaQuestionFile.read(r, path);
          }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading question file " + path + ": " + e.getMessage(), e);
    }
  }

  private static Reader open(SparkSession spark, String path) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(p)) {
      throw new IOException("file not found (check qa.imports[].path)");
    }
    return new InputStreamReader(fs.open(p), StandardCharsets.UTF_8);
  }

  /**
   * Parquet rows with question, corpus_id and references: either the JSON text (as in the CSV) or a list of
   * structs {content, start_index, end_index}. Questions files are small, so they are read on the driver.
   */
  private static List<ChromaQuestionFile.Entry> readParquet(SparkSession spark, String path) {
    var df = spark.read().parquet(path);
    StructType schema = df.schema();
    for (String col : List.of("question", "references", "corpus_id")) {
      if (!List.of(schema.fieldNames()).contains(col)) {
        throw new IllegalArgumentException(path + ": Parquet question file lacks column '" + col + "' (has "
            + List.of(schema.fieldNames()) + ")");
      }
    }
    boolean structs = schema.apply("references").dataType() instanceof ArrayType;
    List<ChromaQuestionFile.Entry> out = new ArrayList<>();
    int rowNo = 0;
    for (Row r : df.select("question", "references", "corpus_id").collectAsList()) {
      rowNo++;
      String q = r.getString(0);
      String corpus = r.getString(2);
      if (r.isNullAt(1)) {
        out.add(ChromaQuestionFile.entry(rowNo, q, corpus, (com.fasterxml.jackson.databind.JsonNode) null));
      } else if (!structs) {
        out.add(ChromaQuestionFile.entry(rowNo, q, corpus, r.getString(1)));
      } else {
        ArrayNode arr = JSON.createArrayNode();
        for (Row ref : r.<Row>getList(1)) {
          var o = arr.addObject();
          o.set("content", JSON.valueToTree(ref.getAs("content")));
          o.set("start_index", JSON.valueToTree(ref.getAs("start_index")));
          o.set("end_index", JSON.valueToTree(ref.getAs("end_index")));
        }
        out.add(ChromaQuestionFile.entry(rowNo, q, corpus, arr));
      }
    }
    return out;
  }
}
