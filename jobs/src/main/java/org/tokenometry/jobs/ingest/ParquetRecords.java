package org.tokenometry.jobs.ingest;

import java.io.File;
import java.io.InputStream;
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
import org.tokenometry.udfs.ingest.RejectReason;
import org.tokenometry.udfs.ingest.SourceIngestor;

/**
 * Parquet files read row by row inside the task (so record numbers are the file's row order, 1-based, and
 * counts come from the same pass). Parquet needs random access, so a {@code .parquet.gz} is first inflated
 * to a local temporary file.
 */
final class ParquetRecords {
  private ParquetRecords() {}

  static void ingest(Configuration conf, Path path, SourceIngestor ing) {
    File tmp = null;
    try {
      Path readable = path;
      if (path.getName().endsWith(".gz")) {
        tmp = File.createTempFile("tokenometry-ingest-", ".parquet");
        FileSystem fs = path.getFileSystem(conf);
        try (InputStream in = new GZIPInputStream(fs.open(path), 1 << 16)) {
          Files.copy(in, tmp.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
        readable = new Path(tmp.toURI());
      }
      read(conf, readable, ing);
    } catch (Exception e) {
      ing.unreadable(e, "");
    } finally {
      if (tmp != null && !tmp.delete()) {
        tmp.deleteOnExit();
      }
    }
  }

  private static void read(Configuration conf, Path path, SourceIngestor ing) throws Exception {
    String textCol = ing.spec().textColumn();
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), path).withConf(conf).build()) {
      Group g;
      while ((g = reader.read()) != null) {
        GroupType t = g.getType();
        String givenId = scalar(g, ing.spec().idColumn());
        String givenLang = scalar(g, ing.spec().langColumn());
        if (!t.containsField(textCol)) {
          ing.reject(RejectReason.MISSING_TEXT_FIELD, "no column '" + textCol + "' in Parquet schema "
              + t.getFields().stream().map(Type::getName).toList() + "; set text_column", "");
          continue;
        }
        int idx = t.getFieldIndex(textCol);
        Type ft = t.getType(idx);
        if (g.getFieldRepetitionCount(idx) == 0) {
          ing.reject(RejectReason.MISSING_TEXT_FIELD, "column '" + textCol + "' is null in this row", "");
        } else if (ft.isPrimitive() && ft.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
          byte[] b = g.getBinary(idx, 0).getBytes();
          ing.bytes(b, 0, b.length, givenId, givenLang, 0);
        } else {
          ing.reject(RejectReason.MISSING_TEXT_FIELD, "column '" + textCol + "' has Parquet type " + ft
              + ", expected a string", "");
        }
      }
    }
  }

  private static String scalar(Group g, String field) {
    if (field == null || !g.getType().containsField(field)) {
      return null;
    }
    int idx = g.getType().getFieldIndex(field);
    if (g.getFieldRepetitionCount(idx) == 0 || !g.getType().getType(idx).isPrimitive()) {
      return null;
    }
    return g.getValueToString(idx, 0);
  }
}
