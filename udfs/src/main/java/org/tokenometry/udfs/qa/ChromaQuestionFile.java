package org.tokenometry.udfs.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.io.DelimitedReader;

/**
 * Chroma's question CSV ({@code question}, {@code references} = JSON list of {content, start_index,
 * end_index}, {@code corpus_id}). Offsets are Python string indices, i.e. code points, end exclusive.
 * A structurally broken file (no header, unterminated quote) is an error naming the file and line; a single
 * unusable row becomes an entry with a {@code problem}, so the import reports it instead of crashing.
 */
public final class ChromaQuestionFile {
  /** A reference excerpt as stored in the file. */
  public record Excerpt(String content, int start, int end) {}

  /**
   * One question as stored in the file; {@code line} is where its record starts; {@code problem} is null for
   * a well-formed row, else why it cannot be used.
   */
  public record Entry(int line, String question, String corpusId, List<Excerpt> references, String problem) {
    public Entry(int line, String question, String corpusId, List<Excerpt> references) {
      this(line, question, corpusId, references, null);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChromaQuestionFile() {}

  /** Question files are small: the text is read whole, then parsed as {@link #read(InputStream, String)}. */
  public static List<Entry> read(Reader in, String fileName) throws IOException {
    StringWriter all = new StringWriter();
    in.transferTo(all);
    return read(new ByteArrayInputStream(all.toString().getBytes(StandardCharsets.UTF_8)), fileName);
  }

  public static List<Entry> read(InputStream in, String fileName) throws IOException {
    DelimitedReader csv = new DelimitedReader(in, ',', '"', Integer.MAX_VALUE - 16L);
    DelimitedReader.Record head = csv.next();
    if (head == null) {
      throw new IOException(fileName + ": empty file; expected a header question,references,corpus_id");
    }
    List<String> header = fields(head, fileName);
    int q = header.indexOf("question");
    int r = header.indexOf("references");
    int c = header.indexOf("corpus_id");
    if (q < 0 || r < 0 || c < 0) {
      throw new IOException(fileName + ":" + head.line() + ": header " + header
          + " lacks question, references or corpus_id");
    }
    List<Entry> out = new ArrayList<>();
    for (DelimitedReader.Record row = csv.next(); row != null; row = csv.next()) {
      int line = (int) row.line();
      if (!row.ok() && row.problem() != DelimitedReader.Problem.UNCLOSED_QUOTE) {
        out.add(new Entry(line, "", "", List.of(), "unparsable CSV record: " + row.detail()));
        continue;
      }
      List<String> f = fields(row, fileName);
      if (f.size() <= Math.max(q, Math.max(r, c))) {
        out.add(new Entry(line, f.size() > q ? f.get(q) : "", "", List.of(),
            "expected " + header.size() + " fields, found " + f.size()));
        continue;
      }
      out.add(entry(line, f.get(q), f.get(c), f.get(r)));
    }
    return out;
  }

  /** A record's fields; a quote left open is structural (every later row would be misread): an error. */
  private static List<String> fields(DelimitedReader.Record row, String fileName) throws IOException {
    if (!row.ok()) {
      throw new IOException(fileName + ":" + row.line() + ": " + row.detail());
    }
    return row.fields();
  }

  /** Builds an entry from a references JSON text; a bad one yields an entry with the problem. */
  public static Entry entry(int line, String question, String corpusId, String referencesJson) {
    try {
      return entry(line, question, corpusId, JSON.readTree(referencesJson));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return new Entry(line, question, corpusId, List.of(), "references is not valid JSON: "
          + e.getOriginalMessage());
    }
  }

  /** Builds an entry from a parsed references array of {content, start_index, end_index}. */
  public static Entry entry(int line, String question, String corpusId, JsonNode arr) {
    if (question == null || question.isBlank()) {
      return new Entry(line, question, corpusId, List.of(), "blank question");
    }
    if (corpusId == null || corpusId.isBlank()) {
      return new Entry(line, question, corpusId, List.of(), "blank corpus_id");
    }
    if (arr == null || !arr.isArray() || arr.isEmpty()) {
      return new Entry(line, question, corpusId, List.of(), "references must be a non-empty JSON list");
    }
    List<Excerpt> refs = new ArrayList<>();
    for (JsonNode ref : arr) {
      JsonNode content = ref.get("content");
      JsonNode start = ref.get("start_index");
      JsonNode end = ref.get("end_index");
      if (content == null || !content.isTextual() || start == null || !start.canConvertToInt()
          || !start.isIntegralNumber() || end == null || !end.isIntegralNumber() || !end.canConvertToInt()) {
        return new Entry(line, question, corpusId, List.of(),
            "each reference needs content (string), start_index and end_index (integers): " + ref);
      }
      refs.add(new Excerpt(content.asText(), start.asInt(), end.asInt()));
    }
    return new Entry(line, question, corpusId, refs, null);
  }
}
