package org.tokenometry.udfs.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionFileTest {
  @Test
  void badCsvRowsBecomeEntriesWithTheirProblemNotACrash() throws IOException {
    String csv = "question,references,corpus_id\n"
        + "Ok?,\"[{\"\"content\"\": \"\"a\"\", \"\"start_index\"\": 0, \"\"end_index\"\": 1}]\",c\n"
        + "Broken?,\"[{\"\"content\"\": \"\"a\"\",\",c\n"
        + "No end?,\"[{\"\"content\"\": \"\"a\"\", \"\"start_index\"\": 0}]\",c\n"
        + "Empty?,[],c\n"
        + "short row\n";
    List<ChromaQuestionFile.Entry> e = ChromaQuestionFile.read(new StringReader(csv), "q.csv");
    assertEquals(5, e.size());
    assertNull(e.get(0).problem());
    assertTrue(e.get(1).problem().startsWith("references is not valid JSON"), e.get(1).problem());
    assertEquals(3, e.get(1).line());
    assertTrue(e.get(2).problem().startsWith("each reference needs content"), e.get(2).problem());
    assertEquals("references must be a non-empty JSON list", e.get(3).problem());
    assertEquals("expected 3 fields, found 1", e.get(4).problem());
    assertEquals(6, e.get(4).line());
  }

  @Test
  void chromaFileParsesReferencesJson() throws IOException {
    String csv = "question,references,corpus_id\n"
        + "Why?,\"[{\"\"content\"\": \"\"Because.\"\", \"\"start_index\"\": 3, \"\"end_index\"\": 11}]\",sotu\n";
    List<ChromaQuestionFile.Entry> q = ChromaQuestionFile.read(new StringReader(csv), "q.csv");
    assertEquals(1, q.size());
    assertEquals("sotu", q.get(0).corpusId());
    assertEquals(new ChromaQuestionFile.Excerpt("Because.", 3, 11), q.get(0).references().get(0));
  }

  @Test
  void anUnterminatedQuoteIsAnErrorNamingTheFileAndLine() {
    IOException e = assertThrows(IOException.class,
        () -> ChromaQuestionFile.read(new StringReader("question,references,corpus_id\n\"open\n"), "q.csv"));
    assertEquals("q.csv:2: a quoted field opened on line 2 is never closed (the file ends inside it)", e.getMessage());
  }

  @Test
  void aFileWithoutTheHeaderIsAnErrorNamingIt() {
    IOException x = assertThrows(IOException.class,
        () -> ChromaQuestionFile.read(new StringReader("q,refs\n"), "q.csv"));
    assertEquals("q.csv:1: header [q, refs] lacks question, references or corpus_id", x.getMessage());
  }

  @Test
  void jsonlTakesReferencesAsAListOrAsJsonText() throws IOException {
    String jsonl = "{\"question\": \"A?\", \"corpus_id\": \"c\", \"references\": "
        + "[{\"content\": \"x\", \"start_index\": 3, \"end_index\": 4}]}\n"
        + "\n"
        + "{\"question\": \"B?\", \"corpus_id\": \"c\", \"references\": "
        + "\"[{\\\"content\\\": \\\"y\\\", \\\"start_index\\\": 5, \\\"end_index\\\": 6}]\"}\n"
        + "{not json\n";
    List<ChromaQuestionFile.Entry> e = JsonlQuestionFile.read(new StringReader(jsonl));
    assertEquals(3, e.size());
    assertEquals(new ChromaQuestionFile.Excerpt("x", 3, 4), e.get(0).references().get(0));
    assertEquals(new ChromaQuestionFile.Excerpt("y", 5, 6), e.get(1).references().get(0));
    assertEquals(3, e.get(1).line());
    assertEquals("not valid JSON", e.get(2).problem());
    assertEquals(4, e.get(2).line());
  }
}
