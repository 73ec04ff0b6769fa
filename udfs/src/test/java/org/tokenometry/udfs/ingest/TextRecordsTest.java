package org.tokenometry.udfs.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.DocumentRow;
import org.tokenometry.udfs.tables.RejectRow;

class TextRecordsTest {
  private static final String SRC = "file:/data/eng_Latn.dev";

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void lineModeRepairsCrlfAndNulsAndNumbersLines() {
    byte[] in = "first\r\nsec\u0000ond\r\nthird".getBytes(UTF_8);
    Collected c = Collected.read(Collected.spec(Mode.LINE), SRC, Format.TXT, in);
    assertEquals(List.of("first", "sec ond", "third"), c.texts());
    // line 1: one CR; line 2: one CR + one NUL; line 3: nothing
    assertEquals(2, c.stats.repairedRecords());
    assertEquals(3, c.stats.repairedChars());
    assertEquals(DocIds.docId(SRC, 2), c.docs.get(1).docId());
  }

  @Test
  void invalidUtf8RejectsOnlyItsLine() {
    byte[] in = concat("good one\n".getBytes(UTF_8), new byte[] {'c', 'a', 'f', (byte) 0xC3, '(', '\n'},
        "good two\n".getBytes(UTF_8));
    Collected c = Collected.read(Collected.spec(Mode.LINE), SRC, Format.TXT, in);
    assertEquals(List.of("good one", "good two"), c.texts());
    assertEquals(1, c.rejects.size());
    RejectRow r = c.rejects.get(0);
    assertEquals("invalid_utf8", r.reason());
    assertEquals(2, r.recordNo());
    assertEquals("malformed UTF-8 at byte 3 of the record: bytes C3 28", r.detail());
    assertEquals("caf\uFFFD(", r.rawPrefix());
    assertEquals(DocIds.docId(SRC, 3), c.docs.get(1).docId(), "line numbers survive a rejected line");
  }

  @Test
  void blankLinesAreLayoutAndKeepTheLineNumbers() {
    Collected c = Collected.read(Collected.spec(Mode.LINE), SRC, Format.TXT,
        "a\n\n \t\r\nb\n\u3000\n".getBytes(UTF_8));
    assertEquals(List.of("a", "b"), c.texts());
    assertEquals(DocIds.docId(SRC, 4), c.docs.get(1).docId(), "b is line 4");
    assertEquals(2, c.stats.blankLines());
    // an ideographic space is whitespace but not layout: a record, empty after all
    assertEquals(List.of("empty_text#5"), c.rejectKeys());
    assertEquals(3, c.stats.records());
  }

  @Test
  void nulOnlyLineIsRepairedThenEmpty() {
    Collected c = Collected.read(Collected.spec(Mode.LINE), SRC, Format.TXT, "\u0000\u0000\n".getBytes(UTF_8));
    assertEquals(Map.of("empty_text", 1L), c.reasons());
    assertEquals(2, c.stats.repairedChars());
  }

  @Test
  void tooLongLineIsRejectedWithItsLength() {
    byte[] in = "short\n0123456789AB\nok\n".getBytes(UTF_8);
    Collected c = Collected.read(Collected.spec(Mode.LINE, 10), SRC, Format.TXT, in);
    assertEquals(List.of("short", "ok"), c.texts());
    RejectRow r = c.rejects.get(0);
    assertEquals("too_long", r.reason());
    assertEquals(2, r.recordNo());
    assertEquals("12 bytes > ingest.max_doc_bytes 10", r.detail());
  }

  @Test
  void fileModeKeepsTheWholeFileAndRejectsOversizedOrEmptyFiles() {
    Collected c = Collected.read(Collected.spec(Mode.FILE), SRC, Format.MD, "# T\r\n\r\nbody\n".getBytes(UTF_8));
    assertEquals(List.of("# T\r\n\r\nbody\n"), c.texts());
    assertEquals(0, c.stats.repairedRecords(), "file mode keeps CRLF");
    DocumentRow d = c.docs.get(0);
    assertEquals(12, d.nBytes());

    byte[] big = new byte[2500];
    Arrays.fill(big, (byte) 'x');
    Collected tooLong = Collected.read(Collected.spec(Mode.FILE), SRC, Format.TXT, big);
    assertEquals("2500 bytes > ingest.max_doc_bytes 1000", tooLong.rejects.get(0).detail());
    assertEquals(200, tooLong.rejects.get(0).rawPrefix().length());

    Collected empty = Collected.read(Collected.spec(Mode.FILE), SRC, Format.TXT, new byte[0]);
    assertEquals(Map.of("empty_text", 1L), empty.reasons());
  }

  @Test
  void joinedModeJoinsLinesWithTheSeparator() {
    CorpusSpec spec = new CorpusSpec("t", "g", Mode.JOINED, "eng_Latn", "config", "text", null, null, false, " | ",
        null, 1000, 8);
    Collected c = Collected.read(spec, SRC, Format.TXT, "one\r\ntwo\nthree\n".getBytes(UTF_8));
    assertEquals(List.of("one | two | three"), c.texts());
    assertEquals(1, c.stats.repairedChars());
    assertEquals(1, c.stats.records());
  }

  @Test
  void jsonLinesCoverEveryRejectAndRepair() {
    String longText = "x".repeat(1200);
    byte[] in = concat(
        "\uFEFF{\"id\":\"a\",\"text\":\"clean\"}\n".getBytes(UTF_8),
        "{\"id\":\"b\",\"text\":\"unterminated}\n".getBytes(UTF_8),
        "\n".getBytes(UTF_8), // blank line: layout, not a record
        "{\"id\":\"c\",\"text\":\"  \"}\n".getBytes(UTF_8),
        "{\"id\":\"d\",\"body\":\"x\"}\n".getBytes(UTF_8),
        "{\"id\":\"e\",\"text\":42}\n".getBytes(UTF_8),
        "[1,2]\n".getBytes(UTF_8),
        "{\"id\":\"f\",\"text\":\"raw\u0000nul and escaped \\u0000 nul\"}\n".getBytes(UTF_8),
        new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'},
        ("{\"id\":\"g\",\"text\":\"" + longText + "\"}\n").getBytes(UTF_8),
        "{\"id\":7,\"text\":\"numeric id\",\"lang\":\"fra_Latn\"}\n".getBytes(UTF_8));
    CorpusSpec spec = new CorpusSpec("t", "g", Mode.RECORD, "eng_Latn", "config", "text", "id", null, false, " ",
        null, 1000, 8);
    Collected c = Collected.read(spec, "file:/d/x.jsonl", Format.JSONL, in);
    assertEquals(List.of("clean", "raw nul and escaped   nul", "numeric id"), c.texts());
    assertEquals(List.of("a", "f", "7"), c.docs.stream().map(DocumentRow::docId).toList());
    assertEquals(Map.of("malformed_json", 2L, "empty_text", 1L, "missing_text_field", 2L, "invalid_utf8", 1L,
        "too_long", 1L), c.reasons());
    assertEquals(10, c.stats.records(), "11 lines, one blank");
    assertEquals(1, c.stats.blankLines());
    // BOM (1) on record 1; raw NUL + escaped NUL (2) on line 8
    assertEquals(2, c.stats.repairedRecords());
    assertEquals(3, c.stats.repairedChars());
    // records are numbered by line: the blank line 3 is skipped but keeps its number
    assertEquals("no field 'text' (fields: [id, body]); set text_column", c.reject(5).detail());
    assertEquals("field 'text' is a number (42), expected a string", c.reject(6).detail());
    assertEquals("eng_Latn", c.docs.get(2).lang(), "lang_from config ignores the lang field");
  }

  @Test
  void langFromColumnAndFilename() {
    CorpusSpec byColumn = Collected.records(null);
    Collected c = Collected.read(byColumn, "file:/d/x.jsonl", Format.JSONL,
        "{\"text\":\"bonjour\",\"lang\":\"fra_Latn\"}\n{\"text\":\"???\"}\n".getBytes(UTF_8));
    assertEquals(List.of("fra_Latn", "und"), c.docs.stream().map(DocumentRow::lang).toList());

    CorpusSpec byName = new CorpusSpec("t", "g", Mode.LINE, null, "filename", "text", null, null, false, " ", null,
        1000, 8);
    assertEquals("tha_Thai", Collected.read(byName, "file:/f/tha_Thai.dev", Format.TXT,
        "ฉันกินข้าว\n".getBytes(UTF_8)).docs.get(0).lang());
    assertEquals("und", Collected.read(byName, "file:/f/notes.txt", Format.TXT,
        "hello\n".getBytes(UTF_8)).docs.get(0).lang());
  }

  @Test
  void parallelIdsFollowCorpusSplitAndLineNumber() {
    CorpusSpec spec = new CorpusSpec("flores200", "general", Mode.LINE, null, "filename", "text", null, null, true,
        " ", null, 1000, 8);
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      b.append("sentence ").append(i).append('\n');
    }
    Collected c = Collected.read(spec, "file:/flores200/dev/eng_Latn.dev", Format.TXT, b.toString().getBytes(UTF_8));
    DocumentRow d17 = c.docs.get(16);
    assertEquals("sentence 17", d17.text());
    assertEquals("flores200:dev:17", d17.parallelId());
    assertEquals("eng_Latn", d17.lang());
    assertEquals("Latn", d17.script());
    assertNull(Collected.read(Collected.spec(Mode.LINE), SRC, Format.TXT, "a\n".getBytes(UTF_8)).docs.get(0)
        .parallelId());
  }

  @Test
  void documentColumnsAreComputed() {
    Collected c = Collected.read(Collected.spec(Mode.LINE), SRC, Format.TXT,
        "我哥哥喜欢读书。😀\n".getBytes(UTF_8));
    DocumentRow d = c.docs.get(0);
    // 8 CJK chars x 3 bytes + emoji 4 bytes; 9 code points (the emoji is 2 UTF-16 units)
    assertEquals(28, d.nBytes());
    assertEquals(9, d.nChars());
    assertEquals("Hani", d.script());
    assertEquals(DocIds.shard(d.docId(), 64), d.shard());
  }

  @Test
  void csvAndTsvRecords() {
    String csv = "id,lang,text\nn1,eng_Latn,\"Hello, \"\"world\"\"\"\nn2,deu_Latn,\"two\nlines\"\n\nn3,x\n";
    Collected c = Collected.read(Collected.records(null), "file:/d/n.csv", Format.CSV, csv.getBytes(UTF_8));
    assertEquals(List.of("Hello, \"world\"", "two\nlines"), c.texts());
    assertEquals(List.of("n1", "n2"), c.docs.stream().map(DocumentRow::docId).toList());
    assertEquals(List.of("eng_Latn", "deu_Latn"), c.docs.stream().map(DocumentRow::lang).toList());
    assertEquals("line 6 has 2 fields, the header has 3 (a delimiter inside an unquoted field?)",
        c.rejects.get(0).detail());
    assertEquals(List.of("malformed_csv#6"), c.rejectKeys());
    assertEquals(1, c.stats.blankLines());

    CorpusSpec tsvSpec = new CorpusSpec("t", "g", Mode.RECORD, "eng_Latn", "config", "body", null, null, false,
        " ", null, 1000, 8);
    Collected t = Collected.read(tsvSpec, "file:/d/n.tsv", Format.TSV, "text\tother\na\tb\n".getBytes(UTF_8));
    assertEquals(Map.of("missing_text_field", 1L), t.reasons());
  }

  @Test
  void corruptGzipKeepsRecordsReadBeforeTheError() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 5000; i++) {
      b.append("line number ").append(i).append(" with some filler text to make it longer\n");
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(b.toString().getBytes(UTF_8));
    }
    byte[] truncated = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
    Collected c = Collected.read(Collected.spec(Mode.LINE), "file:/d/big.txt.gz", Format.TXT, truncated);
    assertTrue(c.docs.size() > 100 && c.docs.size() < 5000, "kept " + c.docs.size());
    assertEquals("line number 1 with some filler text to make it longer", c.docs.get(0).text());
    assertEquals(1, c.rejects.size());
    RejectRow r = c.rejects.get(0);
    assertEquals("unreadable_file", r.reason());
    assertEquals(c.docs.size() + 1, r.recordNo());
    assertTrue(r.detail().startsWith("EOFException"), r.detail());

    Collected notGzip = Collected.read(Collected.spec(Mode.LINE), "file:/d/plain.txt.gz", Format.TXT,
        "not gzip at all\n".getBytes(UTF_8));
    assertEquals(Map.of("unreadable_file", 1L), notGzip.reasons());
    assertTrue(notGzip.rejects.get(0).detail().contains("Not in GZIP format"), notGzip.rejects.get(0).detail());
  }

  @Test
  void ioErrorMidFileKeepsWhatWasRead() {
    byte[] data = "one\ntwo\nthr".getBytes(UTF_8);
    InputStream failing = new InputStream() {
      int pos;

      @Override
      public int read() throws IOException {
        if (pos == data.length) {
          throw new IOException("connection reset by datanode");
        }
        return data[pos++];
      }
    };
    Collected c = Collected.read(Collected.spec(Mode.LINE), SRC, Format.TXT, failing);
    assertEquals(List.of("one", "two"), c.texts());
    assertEquals(Map.of("unreadable_file", 1L), c.reasons());
    assertEquals(3, c.rejects.get(0).recordNo());
    assertTrue(c.rejects.get(0).detail().contains("connection reset by datanode"));
  }
}
