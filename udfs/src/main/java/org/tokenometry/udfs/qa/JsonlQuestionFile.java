package org.tokenometry.udfs.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions as JSON Lines with Chroma's fields: {@code question}, {@code references} (a list, or a string
 * holding the JSON list as in the CSV) and {@code corpus_id}. A line that is not JSON becomes an entry with a
 * problem naming the line.
 */
public final class JsonlQuestionFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlQuestionFile() {}

  public static List<ChromaQuestionFile.Entry> read(Reader in) throws IOException {
    BufferedReader br = new BufferedReader(in);
    List<ChromaQuestionFile.Entry> out = new ArrayList<>();
    String line;
    int no = 0;
    while ((line = br.readLine()) != null) {
      no++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode obj;
      try {
        obj = JSON.readTree(line);
      } catch (IOException e) {
        out.add(new ChromaQuestionFile.Entry(no, "", "", List.of(), "not valid JSON"));
        continue;
      }
      if (!obj.isObject()) {
        out.add(new ChromaQuestionFile.Entry(no, "", "", List.of(), "expected a JSON object per line"));
        continue;
      }
      String question = obj.path("question").isTextual() ? obj.get("question").asText() : null;
      String corpus = obj.path("corpus_id").isTextual() ? obj.get("corpus_id").asText() : null;
      JsonNode refs = obj.get("references");
      if (refs != null && refs.isTextual()) {
        out.add(ChromaQuestionFile.entry(no, question, corpus, refs.asText()));
      } else {
        out.add(ChromaQuestionFile.entry(no, question, corpus, refs));
      }
    }
    return out;
  }
}
