package org.tokenometry.udfs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tokenometry.udfs.io.DelimitedReader;

/**
 * CSV and TSV with a header row. Each data row is a record, numbered by the line it starts on; each bad row is
 * its own reject and never costs its neighbours: invalid UTF-8 ({@code invalid_utf8}), a stray or unclosed
 * quote, or a field count different from the header's, more or fewer ({@code malformed_csv}: the fields
 * cannot be matched to the header's names safely). CSV quotes with {@code "}; TSV has no quoting (fields end
 * at every tab) unless the corpus sets {@code quote}.
 */
public final class DelimitedRecords {
  private DelimitedRecords() {}

  public static void read(InputStream in, Format format, SourceIngestor ing) throws IOException {
    CorpusSpec spec = ing.spec();
    DelimitedReader reader = new DelimitedReader(in, format == Format.TSV ? '\t' : ',', spec.quoteFor(format),
        spec.maxRecordBytes());
    try {
      DelimitedReader.Record header = reader.next();
      if (header == null) {
        return; // an empty file holds no records
      }
      Columns columns = Columns.of(header, spec);
      for (DelimitedReader.Record row = reader.next(); row != null; row = reader.next()) {
        if (!row.ok()) {
          ing.reject(row.line(), reason(row.problem()), "line " + row.line() + ": " + row.detail()
              + (row.problem() == DelimitedReader.Problem.UNCLOSED_QUOTE ? "; reading resumed on the next line" : ""),
              row.raw());
        } else if (columns.problem != null) {
          ing.reject(row.line(), columns.reason, columns.problem, row.raw());
        } else if (row.fields().size() != columns.count) {
          ing.reject(row.line(), RejectReason.MALFORMED_CSV, "line " + row.line() + " has " + row.fields().size()
              + " fields, the header has " + columns.count + " (a delimiter inside an unquoted field?)", row.raw());
        } else {
          List<String> f = row.fields();
          ing.record(row.line(), f.get(columns.text), columns.id < 0 ? null : f.get(columns.id),
              columns.lang < 0 ? null : f.get(columns.lang), 0);
        }
      }
    } finally {
      ing.blankLines(reader.blankLines());
    }
  }

  private static RejectReason reason(DelimitedReader.Problem p) {
    return switch (p) {
      case INVALID_UTF8 -> RejectReason.INVALID_UTF8;
      case TOO_LONG -> RejectReason.TOO_LONG;
      case MALFORMED, UNCLOSED_QUOTE -> RejectReason.MALFORMED_CSV;
    };
  }

  /** Where the text, id and lang columns are, or why the header makes every row unusable. */
  private record Columns(int count, int text, int id, int lang, RejectReason reason, String problem) {
    static Columns of(DelimitedReader.Record header, CorpusSpec spec) {
      if (!header.ok()) {
        return new Columns(0, -1, -1, -1, RejectReason.MALFORMED_CSV, "the header (line " + header.line()
            + ") is unusable: " + header.detail());
      }
      List<String> names = new ArrayList<>(header.fields());
      if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) { // a BOM before the header: not a record
        names.set(0, names.get(0).substring(1));
      }
      for (String c : new String[] {spec.textColumn(), spec.idColumn(), spec.langColumn()}) {
        if (c != null && Collections.frequency(names, c) > 1) {
          return new Columns(0, -1, -1, -1, RejectReason.MALFORMED_CSV, "the header names column '" + c
              + "' twice: " + names);
        }
      }
      int text = names.indexOf(spec.textColumn());
      if (text < 0) {
        return new Columns(0, -1, -1, -1, RejectReason.MISSING_TEXT_FIELD, "no column '" + spec.textColumn()
            + "' in the header " + names + "; set text_column");
      }
      return new Columns(names.size(), text, spec.idColumn() == null ? -1 : names.indexOf(spec.idColumn()),
          spec.langColumn() == null ? -1 : names.indexOf(spec.langColumn()), null, null);
    }
  }
}
