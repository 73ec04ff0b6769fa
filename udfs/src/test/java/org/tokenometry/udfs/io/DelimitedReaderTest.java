package org.tokenometry.udfs.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedReaderTest {
  private static List<DelimitedReader.Record> all(String text, char delimiter, Character quote) throws IOException {
    DelimitedReader r = new DelimitedReader(new ByteArrayInputStream(text.getBytes(UTF_8)), delimiter, quote, 1000);
    List<DelimitedReader.Record> out = new ArrayList<>();
    for (DelimitedReader.Record rec = r.next(); rec != null; rec = r.next()) {
      out.add(rec);
    }
    return out;
  }

  @Test
  void quotedFieldsHoldSeparatorsQuotesAndNewlines() throws IOException {
    String csv = "a,b\r\n\"x, \"\"y\"\"\",\"line1\r\nline2\"\nplain,\n#not a comment,  kept  \n";
    List<DelimitedReader.Record> rows = all(csv, ',', '"');
    assertEquals(4, rows.size());
    assertEquals(List.of("a", "b"), rows.get(0).fields());
    // the CRLF inside the quotes is the field's own; the record's CRLF line end is not
    assertEquals(List.of("x, \"y\"", "line1\r\nline2"), rows.get(1).fields());
    assertEquals(2, rows.get(1).line());
    assertEquals(List.of("plain", ""), rows.get(2).fields());
    assertEquals(4, rows.get(2).line());
    assertEquals(List.of("#not a comment", "  kept  "), rows.get(3).fields(), "nothing trimmed, no comments");
  }

  @Test
  void anUnclosedQuoteRejectsItsFirstLineAndReadingResumesOnTheNext() throws IOException {
    List<DelimitedReader.Record> rows = all("h,t\n1,ok\n2,\"open\n3,good\n4,fine\n", ',', '"');
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), rows.stream().map(DelimitedReader.Record::line).toList());
    assertEquals(DelimitedReader.Problem.UNCLOSED_QUOTE, rows.get(2).problem());
    assertEquals("a quoted field opened on line 3 is never closed (the file ends inside it)", rows.get(2).detail());
    assertEquals(List.of("3", "good"), rows.get(3).fields());
    assertEquals(List.of("4", "fine"), rows.get(4).fields());
  }

  @Test
  void aStrayQuoteOrABadByteSpoilsOnlyItsRecord() throws IOException {
    byte[] bytes = "h,t\n1,\"q\"x\n2,caf\u00e9\n3,ok\n".getBytes(UTF_8);
    bytes[bytes.length - 7] = (byte) 0xFF; // the second byte of é
    DelimitedReader r = new DelimitedReader(new ByteArrayInputStream(bytes), ',', '"', 1000);
    r.next();
    DelimitedReader.Record stray = r.next();
    assertEquals(DelimitedReader.Problem.MALFORMED, stray.problem());
    assertEquals("Unescaped quote character '\"' inside quoted value of CSV field", stray.detail());
    DelimitedReader.Record bad = r.next();
    assertEquals(DelimitedReader.Problem.INVALID_UTF8, bad.problem());
    assertEquals("malformed UTF-8 at byte 5 of the record: bytes C3 FF", bad.detail());
    assertEquals(List.of("3", "ok"), r.next().fields());
    assertNull(r.next());
  }

  @Test
  void withoutAQuoteCharacterEveryLineIsARecordSplitAtEveryDelimiter() throws IOException {
    List<DelimitedReader.Record> rows = all("id\ttext\n1\t\"He said,\" she replied\n\n2\ta|b\n", '\t', null);
    assertEquals(List.of("1", "\"He said,\" she replied"), rows.get(1).fields());
    assertEquals(List.of("2", "a|b"), rows.get(2).fields());
    assertEquals(4, rows.get(2).line());
    assertEquals(List.of("1", "x", "", "y"), all("1|x||y\n", '|', null).get(0).fields(), "not a regex");
  }

  @Test
  void blankLinesAreCountedNotReturned() throws IOException {
    DelimitedReader r = new DelimitedReader(new ByteArrayInputStream("a\n\n  \t\nb\n\n".getBytes(UTF_8)), ',', '"',
        1000);
    assertEquals(List.of("a"), r.next().fields());
    assertEquals(List.of("b"), r.next().fields());
    assertNull(r.next());
    assertEquals(3, r.blankLines());
  }

  @Test
  void aRecordOverTheLimitIsTooLongAndTheNextOneIsRead() throws IOException {
    String big = "x".repeat(1500);
    String half = "y".repeat(600);
    List<DelimitedReader.Record> rows = all("t\n" + big + "\nafter\n\"" + half + "\n" + half + "\"\nlast\n", ',', '"');
    assertEquals(DelimitedReader.Problem.TOO_LONG, rows.get(1).problem());
    assertEquals("a record of 1500 bytes, over the limit of 1000", rows.get(1).detail());
    assertEquals(List.of("after"), rows.get(2).fields());
    // a quoted field still open past the limit: its first line is rejected, reading resumes on the next line
    assertEquals(DelimitedReader.Problem.UNCLOSED_QUOTE, rows.get(3).problem());
    assertEquals(4, rows.get(3).line());
    // the next line is read as a record of its own: a quote inside an unquoted field is a character
    assertEquals(List.of(half + "\""), rows.get(4).fields());
    assertEquals(List.of("last"), rows.get(5).fields());
  }
}
