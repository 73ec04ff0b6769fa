package org.tokenometry.udfs.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.tokenometry.udfs.io.ByteLines;
import org.tokenometry.udfs.io.StrictUtf8;
import org.tokenometry.udfs.tables.RejectRow;

/**
 * JSON lines: each line that is not blank is a record, numbered by its line number (blank lines are layout).
 * A line must hold exactly one JSON object, nothing after it, no field twice. Only the line's size limits a
 * string ({@link CorpusSpec#maxRecordBytes()}), never Jackson's default string-length limit; the text itself
 * is then held to max_doc_bytes.
 */
public final class JsonLines {
  private static final ObjectReader JSON = JsonMapper.builder(JsonFactory.builder()
          // raw control bytes inside strings (a NUL pasted from a PDF) are let through, then repaired and counted
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build().reader();

  private JsonLines() {}

  public static void read(InputStream in, SourceIngestor ing) throws IOException {
    long limit = ing.spec().maxRecordBytes();
    ByteLines lines = new ByteLines(in, limit + 1);
    while (lines.next()) {
      long no = lines.number();
      if (lines.isBlank()) {
        ing.blankLines(1);
        continue;
      }
      String prefix = StrictUtf8.lenient(lines.bytes(), 0, Math.min(lines.length(), RejectRow.PREFIX_CHARS * 4));
      if (lines.fullLength() > limit) {
        ing.reject(no, RejectReason.TOO_LONG, "a JSON line of " + lines.fullLength() + " bytes > " + limit
            + " (4 x ingest.max_doc_bytes + 64 KiB, room for escapes and other fields)", prefix);
        continue;
      }
      StrictUtf8.Result r = StrictUtf8.decode(lines.bytes(), 0, lines.length());
      if (!r.ok()) {
        ing.reject(no, RejectReason.INVALID_UTF8, "malformed UTF-8 at byte " + r.badOffset() + " of the line: "
            + r.problem(), prefix);
        continue;
      }
      record(no, r.text(), ing, prefix);
    }
  }

  private static void record(long no, String line, SourceIngestor ing, String prefix) {
    CorpusSpec spec = ing.spec();
    int bom = 0;
    if (line.startsWith("\uFEFF")) { // a byte-order mark before the first record: repaired, counted
      line = line.substring(1);
      bom = 1;
    }
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      ing.reject(no, RejectReason.MALFORMED_JSON, firstLine(e.getOriginalMessage()), prefix);
      return;
    } catch (IOException e) {
      ing.reject(no, RejectReason.MALFORMED_JSON, firstLine(e.getMessage()), prefix);
      return;
    }
    if (node == null || !node.isObject()) {
      ing.reject(no, RejectReason.MALFORMED_JSON, "expected a JSON object per line, got "
          + (node == null || node.isMissingNode() ? "nothing" : kind(node)), prefix);
      return;
    }
    JsonNode text = node.get(spec.textColumn());
    if (text == null) {
      ing.reject(no, RejectReason.MISSING_TEXT_FIELD, "no field '" + spec.textColumn() + "' (fields: "
          + fieldNames(node) + "); set text_column", prefix);
    } else if (!text.isTextual()) {
      ing.reject(no, RejectReason.MISSING_TEXT_FIELD, "field '" + spec.textColumn() + "' is " + kind(text)
          + ", expected a string", prefix);
    } else {
      JsonNode id = spec.idColumn() == null ? null : node.get(spec.idColumn());
      JsonNode lang = spec.langColumn() == null ? null : node.get(spec.langColumn());
      if (id != null && !id.isNull() && !id.isTextual() && !id.isNumber()) {
        ing.reject(no, RejectReason.INVALID_ID, "field '" + spec.idColumn() + "' is " + kind(id)
            + ", expected a string or a number", prefix);
      } else if (lang != null && !lang.isNull() && !lang.isTextual()) {
        ing.reject(no, RejectReason.INVALID_LANG, "field '" + spec.langColumn() + "' is " + kind(lang)
            + ", expected a language code string", prefix);
      } else {
        ing.record(no, text.textValue(), id == null || id.isNull() ? null : id.asText(),
            lang == null || lang.isNull() ? null : lang.textValue(), bom);
      }
    }
  }

  /** "null", "a number (42)", "an object", ... */
  private static String kind(JsonNode n) {
    if (n.isNull()) {
      return "null";
    }
    if (n.isNumber() || n.isBoolean()) {
      return (n.isNumber() ? "a number (" : "a boolean (") + n.asText() + ")";
    }
    String type = n.getNodeType().name().toLowerCase(Locale.ROOT);
    return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
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
