package org.tokenometry.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.tokenometry.udfs.ingest.CorpusSpec;
import org.tokenometry.udfs.ingest.RejectReason;
import org.tokenometry.udfs.ingest.SourceIngestor;

/**
 * Arrow IPC stream files, the format of Hugging Face {@code datasets} cache files; text from a
 * {@code string} or {@code large_string} column, passed on as its UTF-8 bytes (decoded strictly by the
 * ingestor). Record number = row number across batches, 1-based.
 */
final class ArrowRecords {
  private ArrowRecords() {}

  static void read(InputStream in, SourceIngestor ing) throws IOException {
    CorpusSpec spec = ing.spec();
    try (BufferAllocator alloc = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(in, alloc)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      FieldVector text = root.getVector(spec.textColumn());
      FieldVector id = spec.idColumn() == null ? null : root.getVector(spec.idColumn());
      FieldVector lang = spec.langColumn() == null ? null : root.getVector(spec.langColumn());
      long no = 0;
      while (reader.loadNextBatch()) {
        for (int i = 0; i < root.getRowCount(); i++) {
          no++;
          if (text == null) {
            ing.reject(no, RejectReason.MISSING_TEXT_FIELD, "no column '" + spec.textColumn() + "' in Arrow schema "
                + root.getSchema().getFields().stream().map(f -> f.getName()).toList() + "; set text_column", "");
          } else if (!isString(text)) {
            ing.reject(no, RejectReason.MISSING_TEXT_FIELD, "column '" + spec.textColumn() + "' has Arrow type "
                + text.getField().getType() + ", expected string or large_string", "");
          } else if (text.isNull(i)) {
            ing.reject(no, RejectReason.MISSING_TEXT_FIELD, "column '" + spec.textColumn() + "' is null in this row",
                "");
          } else if (id != null && !isString(id) && !(id instanceof BaseIntVector)) {
            ing.reject(no, RejectReason.INVALID_ID, "column '" + spec.idColumn() + "' has Arrow type "
                + id.getField().getType() + ", expected a string or an integer", "");
          } else if (lang != null && !isString(lang)) {
            ing.reject(no, RejectReason.INVALID_LANG, "column '" + spec.langColumn() + "' has Arrow type "
                + lang.getField().getType() + ", expected a string", "");
          } else {
            ing.utf8Fields(no, bytes(text, i), bytes(id, i), bytes(lang, i));
          }
        }
      }
    }
  }

  private static boolean isString(FieldVector v) {
    return v instanceof VarCharVector || v instanceof LargeVarCharVector;
  }

  /** A string as its stored UTF-8 bytes, an integer as its decimal text; null when absent or null. */
  private static byte[] bytes(FieldVector v, int i) {
    if (v == null || v.isNull(i)) {
      return null;
    }
    if (v instanceof VarCharVector s) {
      return s.get(i);
    }
    if (v instanceof LargeVarCharVector s) {
      return s.get(i);
    }
    return String.valueOf(v.getObject(i)).getBytes(StandardCharsets.UTF_8);
  }
}
