package org.tokenometry.jobs.ingest;

import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.tokenometry.udfs.ingest.RejectReason;
import org.tokenometry.udfs.ingest.SourceIngestor;

/**
 * Arrow IPC stream files, the format of Hugging Face {@code datasets} cache files; text from a
 * {@code string} or {@code large_string} column. Record number = row number across batches, 1-based.
 */
final class ArrowRecords {
  private ArrowRecords() {}

  static void ingest(InputStream raw, SourceIngestor ing) {
    String textCol = ing.spec().textColumn();
    try (InputStream in = ing.source().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferAllocator alloc = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(in, alloc)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      FieldVector text = root.getVector(textCol);
      FieldVector id = ing.spec().idColumn() == null ? null : root.getVector(ing.spec().idColumn());
      FieldVector lang = ing.spec().langColumn() == null ? null : root.getVector(ing.spec().langColumn());
      while (reader.loadNextBatch()) {
        int n = root.getRowCount();
        for (int i = 0; i < n; i++) {
          String givenId = id == null || id.isNull(i) ? null : String.valueOf(id.getObject(i));
          String givenLang = lang == null || lang.isNull(i) ? null : String.valueOf(lang.getObject(i));
          if (text == null) {
            ing.reject(RejectReason.MISSING_TEXT_FIELD, "no column '" + textCol + "' in Arrow schema "
                + root.getSchema().getFields().stream().map(f -> f.getName()).toList() + "; set text_column", "");
          } else if (text.isNull(i)) {
            ing.reject(RejectReason.MISSING_TEXT_FIELD, "column '" + textCol + "' is null in this row", "");
          } else if (text instanceof VarCharVector v) {
            byte[] b = v.get(i);
            ing.bytes(b, 0, b.length, givenId, givenLang, 0);
          } else if (text instanceof LargeVarCharVector v) {
            byte[] b = v.get(i);
            ing.bytes(b, 0, b.length, givenId, givenLang, 0);
          } else {
            ing.reject(RejectReason.MISSING_TEXT_FIELD, "column '" + textCol + "' has Arrow type "
                + text.getField().getType() + ", expected string or large_string", String.valueOf(text.getObject(i)));
          }
        }
      }
    } catch (Exception e) {
      // truncated streams and corrupt gzip surface as IOException; corrupt buffers as runtime exceptions
      ing.unreadable(e, "");
    }
  }
}
