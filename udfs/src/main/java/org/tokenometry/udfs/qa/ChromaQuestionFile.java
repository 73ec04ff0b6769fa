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
 */
public final class ChromaQuestionFile {
  /** A reference excerpt as stored in the file. */
  public record Excerpt(String content, int start, int end) {}

  /** One question as stored in the file; {@code line} is where its CSV record starts. */
  public record Entry(int line, String question, String corpusId, List<Excerpt> references) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChromaQuestionFile() {}

  public static List<Entry> read(Reader in, String fileName) throws IOException {
    List<CsvReader.Row> rows = CsvReader.read(in, ',');
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
        throw new IOException(fileName + ":" + row.line() + ": expected " + header.size() + " fields, found "
            + f.size());
      }
      List<Excerpt> refs = new ArrayList<>();
      JsonNode arr;
      try {
        arr = JSON.readTree(f.get(r));
      } catch (IOException e) {
        throw new IOException(fileName + ":" + row.line() + ": references is not valid JSON: " + e.getMessage(), e);
      }
      for (JsonNode ref : arr) {
        refs.add(new Excerpt(ref.path("content").asText(), ref.path("start_index").asInt(),
            ref.path("end_index").asInt()));
      }
      out.add(new Entry(row.line(), f.get(q), f.get(c), refs));
    }
    return out;
  }
}
