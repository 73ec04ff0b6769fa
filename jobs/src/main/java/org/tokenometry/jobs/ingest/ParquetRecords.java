package org.tokenometry.jobs.ingest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.tokenometry.udfs.ingest.CorpusSpec;
import org.tokenometry.udfs.ingest.RejectReason;
import org.tokenometry.udfs.ingest.SourceIngestor;

/**
 * Parquet files read row by row inside the task (record number = row number, 1-based). Strings reach the
 * ingestor as their UTF-8 bytes, decoded strictly there. Parquet needs random access, so a
 * {@code .parquet.gz} is first inflated to a local temporary file.
 */
final class ParquetRecords {
  private ParquetRecords() {}

  static void read(Configuration conf, Path path, SourceIngestor ing) throws IOException {
    if (!path.getName().endsWith(".gz")) {
      rows(conf, path, ing);
      return;
    }
    File tmp = File.createTempFile("tokenometry-ingest-", ".parquet");
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (InputStream in = new GZIPInputStream(fs.open(path), 1 << 16)) {
        Files.copy(in, tmp.toPath(), StandardCopyOption.REPLACE_EXISTING);
      }
      rows(conf, new Path(tmp.toURI()), ing);
    } finally {
      if (!tmp.delete()) {
        tmp.deleteOnExit();
      }
    }
  }

  private static void rows(Configuration conf, Path path, SourceIngestor ing) throws IOException {
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), path).withConf(conf).build()) {
      long no = 0;
      for (Group g = reader.read(); g != null; g = reader.read()) {
        row(++no, g, ing);
      }
    }
  }

  private static void row(long no, Group g, SourceIngestor ing) {
    CorpusSpec spec = ing.spec();
    GroupType t = g.getType();
    String textCol = spec.textColumn();
    if (!t.containsField(textCol)) {
      ing.reject(no, RejectReason.MISSING_TEXT_FIELD, "no column '" + textCol + "' in Parquet schema "
          + t.getFields().stream().map(Type::getName).toList() + "; set text_column", "");
      return;
    }
    int idx = t.getFieldIndex(textCol);
    Type ft = t.getType(idx);
    if (!isBinary(ft)) {
      ing.reject(no, RejectReason.MISSING_TEXT_FIELD, "column '" + textCol + "' has Parquet type " + ft
          + ", expected a string", "");
    } else if (g.getFieldRepetitionCount(idx) == 0) {
      ing.reject(no, RejectReason.MISSING_TEXT_FIELD, "column '" + textCol + "' is null in this row", "");
    } else if (!isScalar(t, spec.idColumn())) {
      ing.reject(no, RejectReason.INVALID_ID, "column '" + spec.idColumn() + "' has Parquet type "
          + t.getType(spec.idColumn()) + ", expected a string or a number", "");
    } else if (!isScalar(t, spec.langColumn())) {
      ing.reject(no, RejectReason.INVALID_LANG, "column '" + spec.langColumn() + "' has Parquet type "
          + t.getType(spec.langColumn()) + ", expected a string", "");
    } else {
      ing.utf8Fields(no, g.getBinary(idx, 0).getBytes(), scalar(g, spec.idColumn()), scalar(g, spec.langColumn()));
    }
  }

  private static boolean isBinary(Type t) {
    return t.isPrimitive() && t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY
        && t.getRepetition() != Type.Repetition.REPEATED;
  }

  /** An absent column is fine (no id, no lang); a present one must hold one primitive value. */
  private static boolean isScalar(GroupType t, String field) {
    return field == null || !t.containsField(field)
        || (t.getType(field).isPrimitive() && t.getType(field).getRepetition() != Type.Repetition.REPEATED);
  }

  /** A scalar column as UTF-8 bytes (strings as stored, numbers as their decimal text); null when absent. */
  private static byte[] scalar(Group g, String field) {
    if (field == null || !g.getType().containsField(field)) {
      return null;
    }
    int idx = g.getType().getFieldIndex(field);
    if (g.getFieldRepetitionCount(idx) == 0) {
      return null;
    }
    if (isBinary(g.getType().getType(idx))) {
      return g.getBinary(idx, 0).getBytes();
    }
    return g.getValueToString(idx, 0).getBytes(StandardCharsets.UTF_8);
  }
}
