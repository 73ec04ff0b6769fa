package org.tokenometry.jobs.qa;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.config.QaConfig;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.jobs.io.TableStore;

/** Test helpers: a documents table written the way ingest writes it, and a stage context around it. */
public final class QaFixtures {
  public static final StructType DOCUMENTS = new StructType()
      .add("doc_id", DataTypes.StringType)
      .add("corpus", DataTypes.StringType)
      .add("domain", DataTypes.StringType)
      .add("lang", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("text", DataTypes.StringType);

  /** A document: id, corpus, source URI, text. */
  public record Doc(String docId, String corpus, String source, String text) {}

  /** A context whose console output is captured in {@link #console}. */
  public static final class Ctx {
    public final StageContext context;
    public final ByteArrayOutputStream console = new ByteArrayOutputStream();

    Ctx(SparkSession spark, String output, QaConfig qa, List<Doc> docs) {
      PipelineConfig config = new PipelineConfig(output, List.of("qa"), null, null, null, null, null, qa, null,
          null, null);
      TableStore tables = new TableStore(spark, output, "test");
      List<Row> rows = new ArrayList<>();
      for (Doc d : docs) {
        rows.add(RowFactory.create(d.docId(), d.corpus(), "general", "eng_Latn", d.source(), d.text()));
      }
      tables.write(spark.createDataFrame(rows, DOCUMENTS), "documents");
      context = new StageContext(spark, config, tables, new RunManifest("test", config, java.util.Map.of()),
          new Console(new PrintStream(console, true, StandardCharsets.UTF_8), false));
    }

    public String consoleText() {
      return console.toString(StandardCharsets.UTF_8);
    }
  }

  private QaFixtures() {}

  public static Ctx context(SparkSession spark, String output, QaConfig qa, List<Doc> docs) {
    return new Ctx(spark, output, qa, docs);
  }

  public static QaConfig importing(boolean keepUnverified, Integer maxSpan, QaConfig.ImportFile... files) {
    return new QaConfig("import", null, List.of(files), keepUnverified, maxSpan, null, null, null, null);
  }
}
