package org.tokenometry.udfs.ingest.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.ingest.Collected;
import org.tokenometry.udfs.ingest.Format;
import org.tokenometry.udfs.tables.DocumentRow;

/**
 * Issue 17, item 2: CSV/TSV lost and altered rows (one bad row made the whole file one reject; extra fields cut
 * the text at a comma and put text into the lang partition; TSV stripped quotes). Every good row is kept as
 * written; every bad row is its own reject numbered by the line it starts on.
 */
class CsvTsvRowsTest {
  private static final String CSV = "file:/d/notes.csv";
  private static final String TSV = "file:/d/notes.tsv";

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(UTF_8));
    }
    return out.toByteArray();
  }

  private static List<String> langs(Collected c) {
    return c.docs.stream().map(DocumentRow::lang).toList();
  }

  @Test
  void anUnclosedQuoteCostsOnlyItsOwnRow() {
    Collected c = Collected.read(Collected.records(null), CSV, Format.CSV, bytes(
        "id,lang,text\n", "a,eng_Latn,first\n", "b,eng_Latn,\"never closed\n", "c,eng_Latn,third\n",
        "d,eng_Latn,\"fourth, quoted\"\n"));
    assertEquals(List.of("first", "third", "fourth, quoted"), c.texts());
    assertEquals(List.of("malformed_csv#3"), c.rejectKeys());
    // the next quoted field closed it, in a place where no field can end
    assertEquals("line 3: a quoted field opened on line 3 spans lines 3-5 and then fails: Unescaped quote "
        + "character '\"' inside quoted value of CSV field; most likely an unclosed quote; reading resumed on the "
        + "next line", c.reject(3).detail());
    assertEquals("b,eng_Latn,\"never closed", c.reject(3).rawPrefix());

    Collected atEnd = Collected.read(Collected.records(null), CSV, Format.CSV, bytes(
        "id,lang,text\n", "a,eng_Latn,first\n", "b,eng_Latn,\"never closed\n", "c,eng_Latn,third\n"));
    assertEquals(List.of("first", "third"), atEnd.texts());
    assertEquals("line 3: a quoted field opened on line 3 is never closed (the file ends inside it); reading "
        + "resumed on the next line", atEnd.reject(3).detail());

    // closed at a field's end on the next line, but then the row has 4 fields where the header has 3
    Collected count = Collected.read(Collected.records(null), CSV, Format.CSV, bytes(
        "id,lang,text\n", "b,eng_Latn,\"never closed\n", "c,eng_Latn,third\",x\n", "e,eng_Latn,fourth\n"));
    assertEquals(List.of("fourth"), count.texts());
    assertEquals(List.of("malformed_csv#2", "malformed_csv#3"), count.rejectKeys());
    assertTrue(count.reject(2).detail().contains("spans lines 2-3 and then gives 4 fields, not 3"),
        count.reject(2).detail());
    assertEquals("line 3 has 4 fields, the header has 3 (a delimiter inside an unquoted field?)",
        count.reject(3).detail());
  }

  @Test
  void anInvalidByteRejectsOnlyItsRowEvenInsideAMultiLineField() {
    Collected c = Collected.read(Collected.records(null), CSV, Format.CSV, bytes(
        "id,lang,text\n", "a,eng_Latn,caf", new byte[] {(byte) 0xC3, '('}, "\n", "b,eng_Latn,\"two\n",
        "lines \u00e9\"\n", "c,eng_Latn,\"bad ", new byte[] {(byte) 0xE9}, "\nin a quoted field\"\n",
        "d,eng_Latn,last\n"));
    assertEquals(List.of("two\nlines \u00e9", "last"), c.texts());
    assertEquals(List.of("invalid_utf8#2", "invalid_utf8#5"), c.rejectKeys());
    assertEquals("line 2: malformed UTF-8 at byte 14 of the record: bytes C3 28", c.reject(2).detail());
  }

  @Test
  void moreOrFewerFieldsThanTheHeaderIsMalformedNeverCutOrShifted() {
    Collected c = Collected.read(Collected.records(null), CSV, Format.CSV, bytes(
        "id,lang,text\n", "1,eng_Latn,hello, world\n", "2,eng_Latn\n", "3,eng_Latn,\"hello, world\"\n",
        "4,eng_Latn,ok,\n"));
    assertEquals(List.of("hello, world"), c.texts());
    assertEquals(List.of("eng_Latn"), langs(c));
    assertEquals(List.of("malformed_csv#2", "malformed_csv#3", "malformed_csv#5"), c.rejectKeys());
    assertEquals("line 2 has 4 fields, the header has 3 (a delimiter inside an unquoted field?)",
        c.reject(2).detail());
    assertEquals("1,eng_Latn,hello, world", c.reject(2).rawPrefix());
  }

  @Test
  void aLangValueThatIsNotALanguageCodeNeverBecomesAPartition() {
    Collected c = Collected.read(Collected.records(null), CSV, Format.CSV, bytes(
        "id,text,lang\n", "1,hello, world\n", "2,\"hello\", world\n", "3,bonjour,fra_Latn\n", "4,hi,en-GB\n",
        "5,no lang,\n", "6,shifted,The cat\n", "7,hola,\" es\"\n"));
    assertEquals(List.of("bonjour", "hi", "no lang"), c.texts());
    assertEquals(List.of("fra_Latn", "en-GB", "und"), langs(c));
    assertEquals(List.of("invalid_lang#2", "invalid_lang#3", "invalid_lang#7", "invalid_lang#8"), c.rejectKeys());
    assertEquals("column 'lang' holds ' world', not a language code (eng_Latn, en, pt-BR, ...)",
        c.reject(2).detail());
  }

  @Test
  void tsvKeepsQuotesAsTextUnlessTheCorpusSetsAQuoteCharacter() {
    byte[] tsv = bytes("id\tlang\ttext\n", "1\teng_Latn\t\"He said,\" she replied\n", "2\teng_Latn\t\"\"\"\n",
        "3\teng_Latn\ta\tb\n");
    Collected plain = Collected.read(Collected.records(null), TSV, Format.TSV, tsv);
    assertEquals(List.of("\"He said,\" she replied", "\"\"\""), plain.texts());
    assertEquals(List.of("malformed_csv#4"), plain.rejectKeys());

    Collected quoted = Collected.read(Collected.records("\""), TSV, Format.TSV, bytes("id\tlang\ttext\n",
        "1\teng_Latn\t\"tab\there, \"\"quoted\"\"\"\n", "2\teng_Latn\t\"He said,\" she replied\n"));
    assertEquals(List.of("tab\there, \"quoted\""), quoted.texts());
    assertEquals(List.of("malformed_csv#3"), quoted.rejectKeys(), "text after a closing quote");

    Collected none = Collected.read(Collected.records(""), CSV, Format.CSV,
        bytes("id,lang,text\n", "1,eng_Latn,\"as is\n"));
    assertEquals(List.of("\"as is"), none.texts(), "quote: '' turns quoting off for CSV too");
  }

  @Test
  void nothingIsTrimmedCommentedOrNormalised() {
    Collected c = Collected.read(Collected.records(null), CSV, Format.CSV, bytes(
        "\uFEFFid,lang,text\r\n", "#1,eng_Latn,  spaced  \r\n", "2,eng_Latn,\"crlf\r\ninside\"\r\n"));
    assertEquals(List.of("  spaced  ", "crlf\r\ninside"), c.texts());
    assertEquals(List.of("#1", "2"), c.docs.stream().map(DocumentRow::docId).toList());
  }

  @Test
  void aBadHeaderRejectsEveryRowWithTheReason() {
    Collected dup = Collected.read(Collected.records(null), CSV, Format.CSV,
        bytes("id,text,text\n", "1,a,b\n", "2,c,d\n"));
    assertEquals(List.of("malformed_csv#2", "malformed_csv#3"), dup.rejectKeys());
    assertEquals("the header names column 'text' twice: [id, text, text]", dup.reject(2).detail());

    Collected open = Collected.read(Collected.records(null), CSV, Format.CSV,
        bytes("id,\"text\n", "1,a\n"));
    assertEquals(List.of("malformed_csv#2"), open.rejectKeys());
    assertTrue(open.reject(2).detail().startsWith("the header (line 1) is unusable"), open.reject(2).detail());
  }
}
