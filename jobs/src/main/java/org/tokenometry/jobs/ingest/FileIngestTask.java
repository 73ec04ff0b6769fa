package org.tokenometry.jobs.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.tokenometry.udfs.ingest.CorpusSpec;
import org.tokenometry.udfs.ingest.Format;
import org.tokenometry.udfs.ingest.IngestSink;
import org.tokenometry.udfs.ingest.Reject;
import org.tokenometry.udfs.ingest.RejectReason;
import org.tokenometry.udfs.ingest.SourceIngestor;
import org.tokenometry.udfs.ingest.TextRecords;
import org.tokenometry.udfs.tables.DocumentRow;

/**
 * Runs inside a Spark task: reads one file with the reader for its format and emits its documents, rejects
 * and a closing stats row. The driver never sees the documents.
 */
final class FileIngestTask implements FlatMapFunction<SourceFile, Row> {
  private final List<CorpusSpec> specs;
  private final HadoopConf conf;

  FileIngestTask(List<CorpusSpec> specs, HadoopConf conf) {
    this.specs = List.copyOf(specs);
    this.conf = conf;
  }

  @Override
  public Iterator<Row> call(SourceFile file) {
    // rows of one file are buffered; a file is the unit of work (split big corpora into several files)
    List<Row> out = new ArrayList<>();
    CorpusSpec spec = specs.get(file.corpusIndex());
    SourceIngestor ing = new SourceIngestor(spec, file.uri(), new IngestSink() {
      @Override
      public void document(DocumentRow doc) {
        out.add(IngestRows.of(doc));
      }

      @Override
      public void reject(Reject reject) {
        out.add(IngestRows.of(spec.corpus(), reject));
      }
    });
    read(file, ing);
    out.add(IngestRows.of(spec.corpus(), file.uri(), ing.stats()));
    return out.iterator();
  }

  private void read(SourceFile file, SourceIngestor ing) {
    if (file.format() == null) {
      ing.reject(RejectReason.UNKNOWN_FORMAT, "cannot tell the format of " + new Path(file.uri()).getName()
          + " from its extension; known: " + Format.known() + "; or set 'format' on the corpus", "");
      return;
    }
    Path path = new Path(file.uri());
    if (file.format() == Format.PARQUET) {
      ParquetRecords.ingest(conf.get(), path, ing);
      return;
    }
    InputStream in;
    try {
      FileSystem fs = path.getFileSystem(conf.get());
      in = fs.open(path);
    } catch (Exception e) {
      ing.unreadable(e, "");
      return;
    }
    if (file.format() == Format.ARROW) {
      ArrowRecords.ingest(in, ing);
    } else {
      TextRecords.ingest(in, file.format(), ing);
    }
  }
}
