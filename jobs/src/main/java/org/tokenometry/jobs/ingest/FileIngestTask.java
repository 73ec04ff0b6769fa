package org.tokenometry.jobs.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.udfs.ingest.CorpusSpec;
import org.tokenometry.udfs.ingest.DelimitedRecords;
import org.tokenometry.udfs.ingest.Format;
import org.tokenometry.udfs.ingest.IngestRecord;
import org.tokenometry.udfs.ingest.JsonLines;
import org.tokenometry.udfs.ingest.Mode;
import org.tokenometry.udfs.ingest.RejectReason;
import org.tokenometry.udfs.ingest.SourceIngestor;
import org.tokenometry.udfs.ingest.TextRecords;

/**
 * Runs inside a Spark task: reads one file with the reader for its format and emits its documents, rejects
 * and, last, its counts, as {@link IngestRecord} rows. The reader runs inside {@link SourceIngestor#read}, so
 * whatever stops a file (an I/O error, EIO from Hadoop's local filesystem, a corrupt gzip, Parquet or Arrow
 * stream) is that file's unreadable_file reject and the records before it stay. The driver never sees the
 * documents.
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
    RowCodec<IngestRecord> codec = RowCodec.of(IngestRecord.class);
    SourceIngestor ing = new SourceIngestor(specs.get(file.corpusIndex()), file.uri(), r -> out.add(codec.toRow(r)));
    if (file.problem() != null) {
      ing.reject(1, file.problem(), file.detail(), "");
    } else if (file.format() == null) {
      ing.reject(1, RejectReason.UNKNOWN_FORMAT, "cannot tell the format of " + new Path(file.uri()).getName()
          + " from its extension; known: " + Format.known() + "; or set 'format' on the corpus", "");
    } else {
      ing.read(() -> read(file, ing));
    }
    ing.finish();
    return out.iterator();
  }

  private void read(SourceFile file, SourceIngestor ing) throws Exception {
    Path path = new Path(file.uri());
    if (file.format() == Format.PARQUET) {
      ParquetRecords.read(conf.get(), path, ing);
      return;
    }
    try (InputStream raw = path.getFileSystem(conf.get()).open(path);
        InputStream in = file.uri().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      if (ing.spec().mode() != Mode.RECORD) {
        TextRecords.read(in, ing); // line, file and joined modes read any file as text
        return;
      }
      switch (file.format()) {
        case ARROW -> ArrowRecords.read(in, ing);
        case JSONL -> JsonLines.read(in, ing);
        case CSV, TSV -> DelimitedRecords.read(in, file.format(), ing);
        default -> throw new IllegalStateException("record mode cannot read " + file.format());
      }
    }
  }
}
