package org.tokenometry.udfs.io;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Records of a CSV or TSV byte stream, one at a time, each on its own: a bad record (invalid UTF-8, a stray
 * quote, an unclosed quote) is returned with its problem and never spoils its neighbours. Fields are parsed
 * by univocity-parsers (RFC 4180 quoting, doubled quotes, newlines inside quotes, nothing trimmed, no comment
 * lines); this class only finds where each record ends, which a streaming parser cannot do after an error:
 * a quoted field still open at the end of the file (or past {@code maxRecordBytes}), or one that holds lines
 * together and then closes where no field can end or gives another field count than the first record's (the
 * header), makes its first line a rejected record, and reading resumes on the next line.
 *
 * <p>Without a quote character (the TSV convention) a record is one line and fields are split at every
 * delimiter. Lines with nothing but spaces and tabs outside a record are layout, counted in
 * {@link #blankLines()}.
 */
public final class DelimitedReader {
  /** What makes a record unusable; after {@code UNCLOSED_QUOTE} reading resumes on the record's second line. */
  public enum Problem { INVALID_UTF8, MALFORMED, UNCLOSED_QUOTE, TOO_LONG }

  /**
   * One record: the line it starts on and its fields, or why it cannot be used ({@code raw} is the record as
   * read, invalid bytes shown as U+FFFD).
   */
  public record Record(long line, List<String> fields, Problem problem, String detail, String raw) {
    public boolean ok() {
      return problem == null;
    }
  }

  private record Line(long number, byte[] bytes, long full, boolean cr, boolean blank) {}

  private final ByteLines lines;
  private final Deque<Line> replay = new ArrayDeque<>();
  private final byte delimiter;
  private final Character quote;
  private final long maxRecordBytes;
  private final CsvParser parser;
  private long blankLines;
  private int fieldCount = -1; // of the first record (the header): a multi-line record must match it

  /**
   * @param quote null for no quoting (each line one record)
   * @param maxRecordBytes a longer record is a {@link Problem#TOO_LONG} record (never held whole)
   */
  public DelimitedReader(InputStream in, char delimiter, Character quote, long maxRecordBytes) {
    if (delimiter > 0x7f || (quote != null && quote > 0x7f)) {
      throw new IllegalArgumentException("delimiter and quote must be ASCII characters");
    }
    this.lines = new ByteLines(in, maxRecordBytes + 1);
    this.delimiter = (byte) delimiter;
    this.quote = quote;
    this.maxRecordBytes = maxRecordBytes;
    this.parser = quote == null ? null : new CsvParser(settings(delimiter, quote));
  }

  private static CsvParserSettings settings(char delimiter, char quote) {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(delimiter);
    s.getFormat().setQuote(quote);
    s.getFormat().setQuoteEscape(quote);
    s.getFormat().setLineSeparator("\n");
    s.getFormat().setNormalizedNewline('\n');
    s.setLineSeparatorDetectionEnabled(false);
    s.setCommentProcessingEnabled(false); // a row starting with '#' is data
    s.setIgnoreLeadingWhitespaces(false);
    s.setIgnoreTrailingWhitespaces(false);
    s.setIgnoreLeadingWhitespacesInQuotes(false);
    s.setIgnoreTrailingWhitespacesInQuotes(false);
    s.setNormalizeLineEndingsWithinQuotes(false); // a CRLF inside a quoted field stays CRLF
    s.setNullValue("");
    s.setEmptyValue("");
    s.setMaxCharsPerColumn(-1);
    s.setMaxColumns(1 << 16);
    s.setUnescapedQuoteHandling(UnescapedQuoteHandling.RAISE_ERROR);
    return s;
  }

  /** Blank lines seen between records so far. */
  public long blankLines() {
    return blankLines;
  }

  /** The next record, or null at the end of the stream. */
  public Record next() throws IOException {
    Line first = nextLine();
    while (first != null && first.blank()) {
      blankLines++;
      first = nextLine();
    }
    if (first == null) {
      return null;
    }
    if (first.full() > maxRecordBytes) {
      return problem(first.number(), Problem.TOO_LONG, "a record of " + first.full() + " bytes, over the limit of "
          + maxRecordBytes, List.of(first));
    }
    List<Line> parts = new ArrayList<>(List.of(first));
    if (quote != null) {
      QuoteScan scan = new QuoteScan();
      scan.line(first.bytes());
      long size = first.full();
      while (scan.open) {
        Line more = nextLine();
        if (more == null || size + 1 + more.full() > maxRecordBytes) {
          if (more != null) {
            parts.add(more);
          }
          return resumeAfter(parts, "is never closed (" + (more == null ? "the file ends inside it"
              : "it is still open after " + maxRecordBytes + " bytes: an unclosed quote, or a record over the limit")
              + ")");
        }
        parts.add(more);
        size += 1 + more.full();
        scan.line(more.bytes());
      }
    }
    Record r = parse(parts);
    if (parts.size() > 1 && (r.problem() == Problem.MALFORMED || r.ok() && fieldCount >= 0
        && r.fields().size() != fieldCount)) {
      // lines held together by a quote that then closes in the wrong place (a stray quote, closed by the next
      // quoted field)
      return resumeAfter(parts, "spans lines " + first.number() + "-" + parts.get(parts.size() - 1).number()
          + " and then " + (r.ok() ? "gives " + r.fields().size() + " fields, not " + fieldCount : "fails: "
          + r.detail()) + "; most likely an unclosed quote");
    }
    if (r.ok() && fieldCount < 0) {
      fieldCount = r.fields().size();
    }
    return r;
  }

  /**
   * The record's first line as an {@link Problem#UNCLOSED_QUOTE} record; its other lines are read again as
   * records: the quote was most likely never meant to span lines.
   */
  private Record resumeAfter(List<Line> parts, String what) {
    for (int i = parts.size() - 1; i >= 1; i--) {
      replay.addFirst(parts.get(i));
    }
    Line first = parts.get(0);
    return problem(first.number(), Problem.UNCLOSED_QUOTE, "a quoted field opened on line " + first.number() + " "
        + what, List.of(first));
  }

  private Line nextLine() throws IOException {
    if (!replay.isEmpty()) {
      return replay.pollFirst();
    }
    if (!lines.next()) {
      return null;
    }
    return new Line(lines.number(), Arrays.copyOf(lines.bytes(), lines.length()), lines.fullLength(),
        lines.hadCr(), lines.isBlank());
  }

  private Record parse(List<Line> parts) {
    byte[] bytes = join(parts);
    long first = parts.get(0).number();
    StrictUtf8.Result text = StrictUtf8.decode(bytes);
    if (!text.ok()) {
      return new Record(first, null, Problem.INVALID_UTF8, "malformed UTF-8 at byte " + text.badOffset()
          + " of the record: " + text.problem(), StrictUtf8.lenient(bytes, 0, bytes.length));
    }
    if (quote == null) {
      return new Record(first, List.of(text.text().split(Pattern.quote(String.valueOf((char) delimiter)), -1)),
          null, null, text.text());
    }
    try {
      return new Record(first, List.of(parser.parseLine(text.text())), null, null, text.text());
    } catch (TextParsingException e) {
      return new Record(first, null, Problem.MALFORMED, firstSentence(e.getMessage()), text.text());
    }
  }

  /** univocity's message without its class-name prefix and advice: "Unescaped quote character ... field". */
  private static String firstSentence(String msg) {
    if (msg == null) {
      return "unparsable record";
    }
    String m = msg.substring(msg.indexOf(" - ") >= 0 ? msg.indexOf(" - ") + 3 : 0);
    int end = m.indexOf(". ");
    return end > 0 ? m.substring(0, end) : m.strip();
  }

  /** The lines of one record joined as they were in the file (a CRLF inside a quoted field stays CRLF). */
  private static byte[] join(List<Line> parts) {
    if (parts.size() == 1) {
      return parts.get(0).bytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < parts.size(); i++) {
      Line l = parts.get(i);
      if (i > 0) {
        out.write('\n');
      }
      out.writeBytes(l.bytes());
      if (l.cr() && i < parts.size() - 1) {
        out.write('\r');
      }
    }
    return out.toByteArray();
  }

  private static Record problem(long line, Problem p, String detail, List<Line> parts) {
    byte[] b = parts.get(0).bytes();
    return new Record(line, null, p, detail, StrictUtf8.lenient(b, 0, Math.min(b.length, 800)));
  }

  /**
   * Whether a quoted field is open at the end of a line, by the rules the parser applies: a quote opens a
   * field only as its first character; inside, a doubled quote is a quote and a single one closes the field.
   * Quote and delimiter are ASCII, so scanning undecoded UTF-8 bytes is exact.
   */
  private final class QuoteScan {
    boolean open;
    boolean fieldStart = true;

    void line(byte[] b) {
      byte q = (byte) quote.charValue();
      for (int i = 0; i < b.length; i++) {
        byte c = b[i];
        if (open) {
          if (c == q) {
            if (i + 1 < b.length && b[i + 1] == q) {
              i++;
            } else {
              open = false;
            }
          }
        } else if (c == q && fieldStart) {
          open = true;
          fieldStart = false;
        } else {
          fieldStart = c == delimiter;
        }
      }
    }
  }
}
