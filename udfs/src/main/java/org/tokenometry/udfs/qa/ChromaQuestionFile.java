package org.tokenometry.udfs.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

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

  public static List<Entry> read(Reader in, String fileName) throws IOException {
    List<CsvReader.Row> rows;
    try {
      rows = CsvReader.read(in, ',');
    } catch (IOException e) {
      throw new IOException(fileName + ": " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new IOException(fileName + ": empty file; expected a header question,references,corpus_id");
    }
    List<String> header = rows.get(0).fields();
    int q = header.indexOf("question");
    int r = header.indexOf("references");
    int c = header.indexOf("corpus_id");
    if (q < 0 || r < 0 || c < 0) {
      throw new IOException(fileName + ":1: header " + header + " lacks question, references or corpus_id");
    }
    List<Entry> out = new ArrayList<>();
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      List<String> f = row.fields();
      if (f.size() == 1 && f.get(0).isEmpty()) {
        continue; // blank line
      }
      if (f.size() <= Math.max(q, Math.max(r, c))) {
        out.add(new Entry(row.line(), f.size() > q ? f.get(q) : "", "", List.of(),
            "expected " + header.size() + " fields, found " + f.size()));
        continue;
      }
      out.add(entry(row.line(), f.get(q), f.get(c), f.get(r)));
    }
    return out;
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
