package org.tokenometry.udfs.qa;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted fields may hold separators, doubled quotes and newlines. Each record remembers the
 * line it started on, so errors can name it.
 */
public final class CsvReader {
  /** One record: its fields and the 1-based line where it starts. */
  public record Row(int line, List<String> fields) {}

  private CsvReader() {}

  public static List<Row> read(Reader source, char separator) throws IOException {
    // a closing quote is told from a doubled one by peeking with mark/reset, which plain readers lack
    Reader in = source.markSupported() ? source : new java.io.BufferedReader(source);
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int rowLine = 1;
    int c;
    while ((c = in.read()) != -1) {
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          in.mark(1);
          int next = in.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next == -1) {
              break;
            }
            // reprocess next outside quotes
            ch = (char) next;
            if (!handleUnquoted(ch, separator, field, fields, rows, rowLine)) {
              continue;
            }
            if (ch == '\n') {
              line++;
              rowLine = line;
            }
            fieldStarted = false;
            continue;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
        continue;
      }
      if (ch == '"' && !fieldStarted && field.length() == 0) {
        quoted = true;
        fieldStarted = true;
        continue;
      }
      if (handleUnquoted(ch, separator, field, fields, rows, rowLine)) {
        if (ch == '\n') {
          line++;
          rowLine = line;
        }
        fieldStarted = false;
      } else {
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new IOException("unterminated quoted field starting in the record at line " + rowLine);
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(new Row(rowLine, List.copyOf(fields)));
    }
    return rows;
  }

  /** Returns true when {@code ch} ended a field (separator or newline); otherwise appends it. */
  private static boolean handleUnquoted(char ch, char separator, StringBuilder field, List<String> fields,
      List<Row> rows, int rowLine) {
    if (ch == separator) {
      fields.add(field.toString());
      field.setLength(0);
      return true;
    }
    if (ch == '\n') {
      int len = field.length();
      if (len > 0 && field.charAt(len - 1) == '\r') {
        field.setLength(len - 1);
      }
      fields.add(field.toString());
      field.setLength(0);
      rows.add(new Row(rowLine, List.copyOf(fields)));
      fields.clear();
      return true;
    }
    field.append(ch);
    return false;
  }
}
