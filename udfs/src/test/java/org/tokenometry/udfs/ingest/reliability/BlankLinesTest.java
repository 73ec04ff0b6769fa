package org.tokenometry.udfs.ingest.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.ingest.Collected;
import org.tokenometry.udfs.ingest.DocIds;
import org.tokenometry.udfs.ingest.Format;
import org.tokenometry.udfs.ingest.Mode;
import org.tokenometry.udfs.tables.DocumentRow;

/**
 * Issue 17, item 5: line mode made every blank line an empty_text reject while JSONL treated them as layout.
 * Now every line-based format agrees: a line of nothing but spaces and tabs (CR included) is layout, counted
 * in {@code blank_lines}, not a record; records keep their line numbers.
 */
class BlankLinesTest {
  private static final String BLANKS = "\n \t\n\r\n";

  @Test
  void lineJsonlAndCsvAgreeOnBlankLines() {
    Collected line = Collected.read(Collected.spec(Mode.LINE), "file:/d/eng_Latn.dev", Format.TXT,
        ("one" + "\n" + BLANKS + "two\r\n" + BLANKS).getBytes(UTF_8));
    Collected jsonl = Collected.read(Collected.records(null), "file:/d/x.jsonl", Format.JSONL,
        ("{\"text\":\"one\"}\n" + BLANKS + "{\"text\":\"two\"}\r\n" + BLANKS).getBytes(UTF_8));
    Collected csv = Collected.read(Collected.records(null), "file:/d/x.csv", Format.CSV,
        ("text\none\n" + BLANKS + "two\r\n" + BLANKS).getBytes(UTF_8));
    for (Collected c : List.of(line, jsonl, csv)) {
      assertEquals(List.of("one", "two"), c.texts());
      assertEquals(List.of(), c.rejectKeys());
      assertEquals(2, c.stats.records());
      assertEquals(6, c.stats.blankLines());
    }
    // record numbers are line numbers: "two" is line 5 (6 in the CSV, after its header)
    assertEquals(List.of(DocIds.docId("file:/d/eng_Latn.dev", 1), DocIds.docId("file:/d/eng_Latn.dev", 5)),
        line.docs.stream().map(DocumentRow::docId).toList());
    assertEquals(DocIds.docId("file:/d/x.jsonl", 5), jsonl.docs.get(1).docId());
    assertEquals(DocIds.docId("file:/d/x.csv", 6), csv.docs.get(1).docId());
  }

  @Test
  void otherWhitespaceIsARecordWithEmptyText() {
    // no-break and ideographic spaces, a NUL repaired to a space: content that is empty, not layout
    Collected c = Collected.read(Collected.spec(Mode.LINE), "file:/d/x.txt", Format.TXT,
        "\u00a0\n\u3000\n\u0000\nok\n".getBytes(UTF_8));
    assertEquals(List.of("empty_text#1", "empty_text#2", "empty_text#3"), c.rejectKeys());
    assertEquals(0, c.stats.blankLines());
  }

  @Test
  void parallelFilesStayAlignedAcrossABlankLine() {
    var spec = new org.tokenometry.udfs.ingest.CorpusSpec("par", "general", Mode.LINE, null, "filename", "text",
        null, null, true, " ", null, 1000, 8);
    Collected eng = Collected.read(spec, "file:/p/eng_Latn.dev", Format.TXT, "a\nb\nc\n".getBytes(UTF_8));
    Collected fra = Collected.read(spec, "file:/p/fra_Latn.dev", Format.TXT, "a\n\nc\n".getBytes(UTF_8));
    assertEquals("par:dev:3", eng.docs.get(2).parallelId());
    assertEquals("par:dev:3", fra.docs.get(1).parallelId());
    assertEquals(1, fra.stats.blankLines());
  }
}
