package org.tokenometry.udfs.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  @Test
  void quotedFieldsHoldSeparatorsQuotesAndNewlines() throws IOException {
    String csv = "a,b\r\n\"x, \"\"y\"\"\",\"line1\nline2\"\nplain,\n";
    List<CsvReader.Row> rows = CsvReader.read(new StringReader(csv), ',');
    assertEquals(3, rows.size());
    assertEquals(List.of("a", "b"), rows.get(0).fields());
    assertEquals(List.of("x, \"y\"", "line1\nline2"), rows.get(1).fields());
    assertEquals(2, rows.get(1).line());
    assertEquals(List.of("plain", ""), rows.get(2).fields());
    assertEquals(4, rows.get(2).line());
  }

  @Test
  void worksOnReadersWithoutMarkSupport() throws IOException {
    java.io.Reader plain = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(
        "a,b\n\"x \"\"y\"\"\",z\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        java.nio.charset.StandardCharsets.UTF_8);
    List<CsvReader.Row> rows = CsvReader.read(plain, ',');
    assertEquals(List.of("x \"y\"", "z"), rows.get(1).fields());
  }

  @Test
  void unterminatedQuoteNamesTheLine() {
    IOException e = assertThrows(IOException.class,
        () -> CsvReader.read(new StringReader("a\n\"open\n"), ','));
    assertEquals("unterminated quoted field starting in the record at line 2", e.getMessage());
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
}
