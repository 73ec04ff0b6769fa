package org.tokenometry.udfs.ingest.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.ingest.Collected;
import org.tokenometry.udfs.ingest.CorpusSpec;
import org.tokenometry.udfs.ingest.Format;
import org.tokenometry.udfs.ingest.IngestRecord;
import org.tokenometry.udfs.ingest.Mode;
import org.tokenometry.udfs.ingest.SourceIngestor;
import org.tokenometry.udfs.tables.RejectRow;

/**
 * Issue 17, item 3: JSON lines that were accepted, or rejected for the wrong reason. A lone surrogate is
 * rejected ({@code invalid_unicode}) from JSON, and is invalid UTF-8 from bytes (text, CSV, Parquet/Arrow):
 * never stored as '?'. Anything after the object, or a field twice, is malformed JSON. Only max_doc_bytes
 * limits a text's length. A text that is null or not a string says what it is.
 */
class JsonLinesRecordsTest {
  private static Collected jsonl(String... lines) {
    return Collected.read(Collected.records(null), "file:/d/x.jsonl", Format.JSONL,
        (String.join("\n", lines) + "\n").getBytes(UTF_8));
  }

  @Test
  void loneSurrogatesAreRejectedNotStoredAsQuestionMarks() {
    Collected c = jsonl("{\"text\":\"lone \\ud800 here\"}", "{\"text\":\"low \\udc00 alone\"}",
        "{\"text\":\"reversed \\ude00\\ud83d, then \\ud83d\\ude00\"}", "{\"text\":\"pair \\ud83d\\ude00 ok\"}",
        "{\"text\":\"ok\",\"id\":\"\\ud800\"}", "{\"text\":\"ok\",\"lang\":\"en\\udfff\"}");
    assertEquals(List.of("pair \uD83D\uDE00 ok"), c.texts());
    assertEquals(List.of("invalid_unicode#1", "invalid_unicode#2", "invalid_unicode#3", "invalid_unicode#5",
        "invalid_unicode#6"), c.rejectKeys());
    assertEquals("text: lone surrogate U+D800 at character 5 (half of a UTF-16 pair, not a character; fix the "
        + "producer's escaping)", c.reject(1).detail());
    assertEquals("lone \uFFFD here", c.reject(1).rawPrefix(), "the prefix shows U+FFFD: it cannot hold the surrogate");
    assertEquals("reversed \uFFFD\uFFFD, then \uD83D\uDE00", c.reject(3).rawPrefix(), "a valid pair stays");
    assertTrue(c.reject(5).detail().startsWith("id: lone surrogate U+D800"), c.reject(5).detail());
    assertTrue(c.reject(6).detail().startsWith("lang: lone surrogate U+DFFF"), c.reject(6).detail());
  }

  @Test
  void encodedSurrogatesInBytesAreInvalidUtf8InEveryByteFormat() {
    byte[] surrogate = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'}; // U+D800 in CESU-8/WTF-8
    String expected = "bytes ED A0 80 62 are an encoded UTF-16 surrogate (CESU-8/WTF-8), not UTF-8";
    Collected line = Collected.read(Collected.spec(Mode.LINE), "file:/d/x.txt", Format.TXT, surrogate);
    assertEquals(List.of("invalid_utf8#1"), line.rejectKeys());
    assertEquals("malformed UTF-8 at byte 1 of the record: " + expected, line.reject(1).detail());

    // Parquet and Arrow hand the ingestor their strings' bytes
    List<RejectRow> rejects = new ArrayList<>();
    SourceIngestor ing = new SourceIngestor(Collected.records(null), "file:/d/x.parquet", (IngestRecord r) -> {
      if (r.reject() != null) {
        rejects.add(r.reject());
      }
    });
    ing.utf8Fields(1, surrogate, null, null);
    ing.utf8Fields(2, "fine".getBytes(UTF_8), surrogate, null);
    assertEquals("column 'text': malformed UTF-8 at byte 1: " + expected, rejects.get(0).detail());
    assertEquals("column 'id': malformed UTF-8 at byte 1: " + expected, rejects.get(1).detail());
    assertEquals("invalid_utf8", rejects.get(1).reason());
  }

  @Test
  void anythingAfterTheObjectOrAFieldTwiceIsMalformed() {
    Collected c = jsonl("{\"id\":\"m1\",\"text\":\"a\"}", "{\"id\":\"m2\",\"text\":\"a\"} trailing",
        "{\"text\":\"a\"} {\"text\":\"b\"}", "{\"text\":\"a\",\"text\":\"b\"}", "{\"text\":\"a\"}   ",
        "{\"text\":\"a\"},", "{\"text\":\"a\"} // note", "[{\"text\":\"a\"}]", "\"just a string\"");
    assertEquals(List.of("a", "a"), c.texts());
    assertEquals(List.of("malformed_json#2", "malformed_json#3", "malformed_json#4", "malformed_json#6",
        "malformed_json#7", "malformed_json#8", "malformed_json#9"), c.rejectKeys());
    assertTrue(c.reject(4).detail().contains("Duplicate field 'text'"), c.reject(4).detail());
    assertEquals("expected a JSON object per line, got an array", c.reject(8).detail());
    assertEquals("expected a JSON object per line, got a string", c.reject(9).detail());

    // a line of nothing but a byte-order mark
    assertEquals("expected a JSON object per line, got nothing",
        jsonl("\uFEFF", "{\"text\":\"a\"}").reject(1).detail());

    // nesting deeper than Jackson's limit (1000) is malformed, never a StackOverflowError
    Collected deep = jsonl("{\"text\":\"a\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    assertEquals(List.of("malformed_json#1"), deep.rejectKeys());
  }

  @Test
  void aNullOrNonStringTextSaysWhatItIs() {
    Collected c = jsonl("{\"text\":null}", "{\"text\":42}", "{\"text\":{\"a\":1}}", "{\"text\":[\"a\"]}",
        "{\"text\":true}", "{\"body\":\"x\"}", "{\"text\":\"ok\",\"id\":{\"a\":1}}", "{\"text\":\"ok\",\"lang\":7}",
        "{\"text\":\"ok\",\"id\":17,\"lang\":null}");
    assertEquals(List.of("ok"), c.texts());
    assertEquals("17", c.docs.get(0).docId());
    assertEquals("und", c.docs.get(0).lang());
    assertEquals("field 'text' is null, expected a string", c.reject(1).detail());
    assertEquals("field 'text' is a number (42), expected a string", c.reject(2).detail());
    assertEquals("field 'text' is an object, expected a string", c.reject(3).detail());
    assertEquals("field 'text' is an array, expected a string", c.reject(4).detail());
    assertEquals("field 'text' is a boolean (true), expected a string", c.reject(5).detail());
    assertEquals("no field 'text' (fields: [body]); set text_column", c.reject(6).detail());
    assertEquals("invalid_id", c.reject(7).reason());
    assertEquals("field 'id' is an object, expected a string or a number", c.reject(7).detail());
    assertEquals("invalid_lang", c.reject(8).reason());
    assertEquals(List.of("missing_text_field#1", "missing_text_field#2", "missing_text_field#3",
        "missing_text_field#4", "missing_text_field#5", "missing_text_field#6", "invalid_id#7", "invalid_lang#8"),
        c.rejectKeys());
  }

  @Test
  void onlyMaxDocBytesLimitsAText() {
    // 21 million characters: above Jackson's default string limit (20,000,000), below max_doc_bytes
    String huge = "word ".repeat(4_200_000);
    CorpusSpec spec = new CorpusSpec("t", "g", Mode.RECORD, "eng_Latn", "config", "text", null, null, false, " ",
        null, 21_000_000, 8);
    byte[] line = ("{\"text\":\"" + huge + "\"}\n{\"text\":\"" + huge + "x\"}\n").getBytes(UTF_8);
    Collected c = Collected.read(spec, "file:/d/big.jsonl", Format.JSONL, line);
    assertEquals(1, c.docs.size());
    assertEquals(huge, c.docs.get(0).text());
    assertEquals(21_000_000, c.docs.get(0).nBytes());
    assertEquals(List.of("too_long#2"), c.rejectKeys());
    assertEquals("21000001 bytes > ingest.max_doc_bytes 21000000", c.reject(2).detail());
  }
}
