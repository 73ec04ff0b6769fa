package org.tokenometry.jobs.ingest;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.jobs.config.IngestConfig;
import org.tokenometry.udfs.ingest.CorpusSpec;

/** The ingest plan made on the driver: the files to read and the task that reads each of them. */
public final class IngestReading {
  private final List<SourceFile> files;
  private final FileIngestTask task;

  private IngestReading(List<SourceFile> files, FileIngestTask task) {
    this.files = files;
    this.task = task;
  }

  /** Validates the corpora and lists their files (no file contents are read here). */
  public static IngestReading plan(List<CorpusConfig> corpora, IngestConfig ic, Configuration hadoop) {
    List<CorpusSpec> specs = corpora.stream().map(c -> IngestSpecs.of(c, ic)).toList();
    List<SourceFile> files = SourceLister.list(corpora, hadoop);
    return new IngestReading(files, new FileIngestTask(specs, new HadoopConf(hadoop)));
  }

  public List<SourceFile> files() {
    return files;
  }

  public FlatMapFunction<SourceFile, Row> task() {
    return task;
  }

  public static String summary(List<SourceCounts> counts, Map<String, Long> byReason) {
    return IngestSummary.render(counts, byReason);
  }
}
