package org.tokenometry.udfs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.tokenometry.udfs.qa.CsvReader;

/**
 * Reads the text formats (txt, md, jsonl, csv, tsv; optionally gzip) in every mode and hands each record to a
 * {@link SourceIngestor}. An I/O error or a corrupt gzip stream ends the file with an unreadable_file reject;
 * what was read before stays.
 *
 * <p>Record numbers: line mode = line number; file and joined = 1; JSONL = line number among non-blank lines
 * (blank lines are layout, not records); CSV/TSV = data row number (header excluded, blank rows skipped).
 */
public final class TextRecords {
  // raw control bytes inside JSON strings (a NUL pasted from a PDF) are let through, then repaired and counted
  private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build());

  private TextRecords() {}

  /** Opens gzip when the name ends in .gz, reads everything, never throws for bad data. */
  public static void ingest(InputStream raw, Format format, SourceIngestor ing) {
    try (InputStream in = ing.source().endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw) {
      read(in, format, ing);
    } catch (IOException | UncheckedIOException e) {
      ing.unreadable(e, "");
    }
  }

  static void read(InputStream in, Format format, SourceIngestor ing) throws IOException {
    switch (ing.spec().mode()) {
      case LINE -> lines(in, ing);
      case FILE -> wholeFile(in, ing);
      case JOINED -> joined(in, ing);
      case RECORD -> {
        switch (format) {
          case JSONL -> jsonLines(in, ing);
          case CSV -> delimited(in, ',', ing);
          case TSV -> delimited(in, '\t', ing);
          default -> throw new IllegalArgumentException("record mode cannot read " + format + " as text");
        }
      }
      default -> throw new IllegalStateException("unknown mode " + ing.spec().mode());
    }
  }

  static void lines(InputStream in, SourceIngestor ing) throws IOException {
    long max = ing.spec().maxDocBytes();
    LineSplitter.split(in, max + 1, (buf, len, full, cr) -> {
      if (full > max) {
        ing.tooLong(full, StrictUtf8.lenient(buf, 0, Math.min(len, Reject.PREFIX_CHARS * 4)));
      } else {
        ing.bytes(buf, 0, len, null, null, cr ? 1 : 0);
      }
    });
  }

  static void wholeFile(InputStream in, SourceIngestor ing) throws IOException {
    Bounded b = readBounded(in, ing.spec().maxDocBytes());
    if (b.total > ing.spec().maxDocBytes()) {
      ing.tooLong(b.total, StrictUtf8.lenient(b.buf, 0, Math.min(b.len, Reject.PREFIX_CHARS * 4)));
    } else {
      ing.bytes(b.buf, 0, b.len, null, null, 0);
    }
  }

  /** All lines joined with the corpus separator; CRLF line ends are repaired and counted. */
  static void joined(InputStream in, SourceIngestor ing) throws IOException {
    Bounded b = readBounded(in, ing.spec().maxDocBytes());
    String prefix = StrictUtf8.lenient(b.buf, 0, Math.min(b.len, Reject.PREFIX_CHARS * 4));
    if (b.total > ing.spec().maxDocBytes()) {
      ing.tooLong(b.total, prefix);
      return;
    }
    StrictUtf8.Result r = StrictUtf8.decode(b.buf, 0, b.len);
    if (!r.ok()) {
      ing.reject(RejectReason.INVALID_UTF8, "malformed UTF-8 at byte " + r.badOffset() + " of the file", prefix);
      return;
    }
    String[] lines = r.text().split("\n", -1);
    int n = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    int crs = 0;
    StringBuilder out = new StringBuilder(r.text().length());
    for (int i = 0; i < n; i++) {
      String line = lines[i];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
        crs++;
      }
      if (i > 0) {
        out.append(ing.spec().separator());
      }
      out.append(line);
    }
    ing.text(out.toString(), null, null, crs);
  }

  static void jsonLines(InputStream in, SourceIngestor ing) throws IOException {
    CorpusSpec spec = ing.spec();
    // the JSON line carries other fields besides the text: allow it room, then check the text itself
    long lineLimit = Math.min(Integer.MAX_VALUE - 16L, spec.maxDocBytes() * 4 + 65536);
    LineSplitter.split(in, lineLimit + 1, (buf, len, full, cr) -> {
      if (isBlank(buf, len) && full == len) {
        return;
      }
      String prefix = StrictUtf8.lenient(buf, 0, Math.min(len, Reject.PREFIX_CHARS * 4));
      if (full > lineLimit) {
        ing.tooLong(full, prefix);
        return;
      }
      StrictUtf8.Result r = StrictUtf8.decode(buf, 0, len);
      if (!r.ok()) {
        ing.reject(RejectReason.INVALID_UTF8, "malformed UTF-8 at byte " + r.badOffset() + " of the line",
            prefix);
        return;
      }
      String line = r.text();
      int bom = 0;
      if (line.startsWith("\uFEFF")) { // a byte-order mark before the first record: repaired, counted
        line = line.substring(1);
        bom = 1;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        ing.reject(RejectReason.MALFORMED_JSON, firstLine(e.getOriginalMessage()), prefix);
        return;
      }
      if (node == null || !node.isObject()) {
        ing.reject(RejectReason.MALFORMED_JSON, "expected a JSON object per line, got "
            + (node == null ? "nothing" : node.getNodeType()), prefix);
        return;
      }
      JsonNode text = node.get(spec.textColumn());
      if (text == null || text.isNull()) {
        ing.reject(RejectReason.MISSING_TEXT_FIELD, "no field '" + spec.textColumn() + "' (fields: "
            + fieldNames(node) + "); set text_column", prefix);
        return;
      }
      if (!text.isTextual()) {
        ing.reject(RejectReason.MISSING_TEXT_FIELD, "field '" + spec.textColumn() + "' is "
            + text.getNodeType() + ", expected a string", prefix);
        return;
      }
      ing.text(text.textValue(), scalar(node, spec.idColumn()), scalar(node, spec.langColumn()), bom);
    });
  }

  static void delimited(InputStream in, char sep, SourceIngestor ing) throws IOException {
    CorpusSpec spec = ing.spec();
    byte[] all = in.readAllBytes();
    String prefix = StrictUtf8.lenient(all, 0, Math.min(all.length, Reject.PREFIX_CHARS * 4));
    StrictUtf8.Result r = StrictUtf8.decode(all, 0, all.length);
    if (!r.ok()) {
      // CSV quoting spans lines, so a bad byte cannot be pinned to one row safely: the file is one reject
      ing.reject(RejectReason.INVALID_UTF8, "malformed UTF-8 at byte " + r.badOffset() + " of the file", prefix);
      return;
    }
    List<CsvReader.Row> rows;
    try {
      rows = CsvReader.read(new StringReader(r.text()), sep);
    } catch (IOException e) {
      ing.reject(RejectReason.MALFORMED_CSV, e.getMessage(), prefix);
      return;
    }
    if (rows.isEmpty()) {
      return;
    }
    List<String> header = new ArrayList<>(rows.get(0).fields());
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      header.set(0, header.get(0).substring(1));
    }
    int textIdx = header.indexOf(spec.textColumn());
    int idIdx = spec.idColumn() == null ? -1 : header.indexOf(spec.idColumn());
    int langIdx = spec.langColumn() == null ? -1 : header.indexOf(spec.langColumn());
    for (int i = 1; i < rows.size(); i++) {
      CsvReader.Row row = rows.get(i);
      List<String> f = row.fields();
      if (f.size() == 1 && f.get(0).isEmpty()) {
        continue; // a blank line
      }
      String raw = String.join(String.valueOf(sep), f);
      if (textIdx < 0) {
        ing.reject(RejectReason.MISSING_TEXT_FIELD, "line " + row.line() + ": no column '" + spec.textColumn()
            + "' in header " + header + "; set text_column", raw);
      } else if (textIdx >= f.size()) {
        ing.reject(RejectReason.MISSING_TEXT_FIELD, "line " + row.line() + " has " + f.size()
            + " fields, the header has " + header.size(), raw);
      } else {
        ing.text(f.get(textIdx), idIdx >= 0 && idIdx < f.size() ? f.get(idIdx) : null,
            langIdx >= 0 && langIdx < f.size() ? f.get(langIdx) : null, 0);
      }
    }
  }

  private record Bounded(byte[] buf, int len, long total) {}

  /** Reads up to max+1 bytes and counts the rest without keeping it. */
  private static Bounded readBounded(InputStream in, long max) throws IOException {
    int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 16);
    byte[] buf = new byte[(int) Math.min(cap, 1 << 16)];
    int len = 0;
    long total = 0;
    byte[] chunk = new byte[1 << 16];
    int n;
    while ((n = in.read(chunk)) > 0) {
      int keep = Math.min(n, cap - len);
      if (keep > 0) {
        if (len + keep > buf.length) {
          buf = java.util.Arrays.copyOf(buf, (int) Math.min(cap, Math.max((long) buf.length * 2, len + keep)));
        }
        System.arraycopy(chunk, 0, buf, len, keep);
        len += keep;
      }
      total += n;
    }
    return new Bounded(buf, len, total);
  }

  private static boolean isBlank(byte[] buf, int len) {
    for (int i = 0; i < len; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String scalar(JsonNode node, String field) {
    if (field == null) {
      return null;
    }
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "malformed JSON";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
