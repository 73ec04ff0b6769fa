package org.tokenometry.jobs.ingest.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.tokenometry.udfs.ingest.DocIds;

/**
 * A folder of bad inputs, one class of problem per file, each written with what ingest must make of it: the
 * documents (by record number or given id, with their exact text) and the rejects (by record number, with
 * their reason). Expectations are written by hand from the bytes below, not computed by the code under test.
 */
final class BadInputs {
  /** Max doc bytes for the run: the 21-million-character JSON text fits, the 22,000,001-byte line does not. */
  static final long MAX_DOC_BYTES = 22_000_000;
  static final String HUGE = "word ".repeat(4_200_000);

  /** What one source must give. {@code docs}: doc_id -> text; {@code rejects}: record_no -> reason. */
  static final class Source {
    final String corpus;
    final Path path;
    final Map<String, String> docs = new TreeMap<>();
    final Map<Long, String> rejects = new TreeMap<>();
    long blankLines;
    /** For a truncated gzip: the documents are lines 1..n for some n, then an unreadable_file reject n+1. */
    boolean truncatedLines;

    Source(String corpus, Path path) {
      this.corpus = corpus;
      this.path = path;
    }

    String uri() {
      return "file:" + path;
    }

    Source doc(long recordNo, String text) {
      docs.put(DocIds.docId(uri(), recordNo), text);
      return this;
    }

    Source docWithId(String id, String text) {
      docs.put(id, text);
      return this;
    }

    Source reject(long recordNo, String reason) {
      rejects.put(recordNo, reason);
      return this;
    }

    Source blank(long n) {
      blankLines = n;
      return this;
    }

    long records() {
      return docs.size() + rejects.size();
    }
  }

  final Path root;
  final List<Source> sources = new ArrayList<>();
  /** Entries that must be skipped (listed in the manifest), by file name. */
  final List<String> skipped = new ArrayList<>();

  BadInputs(Path root) {
    this.root = root;
  }

  private Source add(String corpus, Path path) {
    Source s = new Source(corpus, path);
    sources.add(s);
    return s;
  }

  private Path write(String rel, Object... parts) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Object part : parts) {
      b.writeBytes(part instanceof byte[] bytes ? bytes : part.toString().getBytes(UTF_8));
    }
    Files.write(p, b.toByteArray());
    return p;
  }

  private Path link(String rel, String target) throws IOException {
    return Files.createSymbolicLink(root.resolve(rel), Path.of(target));
  }

  /** Corpus bad-lines, mode line, lang eng_Latn: folder {@code lines/}. */
  BadInputs lines() throws Exception {
    String c = "bad-lines";
    Path good = write("lines/good.txt", "one\r\n\n \t\ntwo\n");
    add(c, good).doc(1, "one").doc(4, "two").blank(2);
    add(c, link("lines/mem.txt", "/proc/self/mem")).reject(1, "unreadable_file");
    Path fifo = root.resolve("lines/pipe.txt");
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
      throw new IOException("mkfifo failed");
    }
    add(c, fifo).reject(1, "not_a_file");
    add(c, root.resolve("lines/socket.txt")).reject(1, "not_a_file"); // bound by the test during the run
    link("lines/cycle", ".");
    skipped.add("cycle");
    add(c, link("lines/dangling.txt", "nowhere.txt")).reject(1, "unreadable_file");
    add(c, link("lines/self.txt", "self.txt")).reject(1, "unreadable_file");
    link("lines/dup.txt", "good.txt");
    skipped.add("dup.txt");
    StringBuilder many = new StringBuilder();
    for (int i = 1; i <= 20_000; i++) {
      many.append("line ").append(i).append(" of a file whose gzip stream is cut in half\n");
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(many.toString().getBytes(UTF_8));
    }
    Source cut = add(c, write("lines/truncated.txt.gz", Arrays.copyOf(gz.toByteArray(), gz.size() / 2)));
    cut.truncatedLines = true;
    add(c, write("lines/bytes.txt", "good\ncaf", new byte[] {(byte) 0xC3, '('}, "\na",
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "b\nend\n"))
        .doc(1, "good").reject(2, "invalid_utf8").reject(3, "invalid_utf8").doc(4, "end");
    add(c, write("lines/empty.txt"));
    add(c, write("lines/dir.txt/inner.txt", "inside a folder named like a file\n"))
        .doc(1, "inside a folder named like a file");
    add(c, write("lines/unknown.xyz", "any extension is text in line mode\n"))
        .doc(1, "any extension is text in line mode");
    byte[] longLine = new byte[(int) MAX_DOC_BYTES + 1];
    Arrays.fill(longLine, (byte) 'x');
    add(c, write("lines/long.txt", longLine, "\nshort\n")).reject(1, "too_long").doc(2, "short");
    add(c, write("lines/whitespace.txt", "\u00a0\n\u0000\n\u3000 \n")).reject(1, "empty_text")
        .reject(2, "empty_text").reject(3, "empty_text");
    return this;
  }

  /** Corpus bad-records, mode record, id_column id, lang_from column (lang): folder {@code records/}. */
  BadInputs records() throws Exception {
    String c = "bad-records";
    add(c, write("records/unclosed.csv", "id,lang,text\n", "1,eng_Latn,first\n", "2,eng_Latn,\"never closed\n",
        "3,eng_Latn,third\n", "4,eng_Latn,\"fourth, quoted\"\n"))
        .docWithId("1", "first").reject(3, "malformed_csv").docWithId("3", "third")
        .docWithId("4", "fourth, quoted");
    add(c, write("records/badbyte.csv", "id,lang,text\n", "1,eng_Latn,ok\n", "2,eng_Latn,caf",
        new byte[] {(byte) 0xC3, '('}, "\n", "3,eng_Latn,\"multi\nline\"\n"))
        .docWithId("1", "ok").reject(3, "invalid_utf8").docWithId("3", "multi\nline");
    add(c, write("records/extra.csv", "id,lang,text\n", "1,eng_Latn,hello, world\n", "2,eng_Latn\n",
        "3,eng_Latn,\"hello, world\"\n")).reject(2, "malformed_csv").reject(3, "malformed_csv")
        .docWithId("3", "hello, world");
    add(c, write("records/langtext.csv", "id,text,lang\n", "1,hello, world\n", "2,bonjour,fra_Latn\n"))
        .reject(2, "invalid_lang").docWithId("2", "bonjour");
    add(c, write("records/plain.tsv", "id\tlang\ttext\n", "1\teng_Latn\t\"He said,\" she replied\n"))
        .docWithId("1", "\"He said,\" she replied");
    add(c, write("records/surrogate.jsonl", "{\"id\":\"s1\",\"text\":\"lone \\ud800 here\"}\n",
        "{\"id\":\"s2\",\"text\":\"pair \\ud83d\\ude00\",\"lang\":\"eng_Latn\"}\n"))
        .reject(1, "invalid_unicode").docWithId("s2", "pair \uD83D\uDE00");
    add(c, write("records/trailing.jsonl", "{\"id\":\"m1\",\"text\":\"a\",\"lang\":\"eng_Latn\"}\n",
        "{\"id\":\"m2\",\"text\":\"a\"} trailing\n", "{\"id\":\"m3\",\"text\":\"a\",\"text\":\"b\"}\n"))
        .docWithId("m1", "a").reject(2, "malformed_json").reject(3, "malformed_json");
    add(c, write("records/nulltext.jsonl", "{\"text\":null}\n{\"text\":42}\n{\"text\":{\"a\":1}}\n[\"a\"]\n",
        "{\"id\":{\"a\":1},\"text\":\"x\"}\n")).reject(1, "missing_text_field").reject(2, "missing_text_field")
        .reject(3, "missing_text_field").reject(4, "malformed_json").reject(5, "invalid_id");
    add(c, write("records/huge.jsonl", "{\"id\":\"h1\",\"lang\":\"eng_Latn\",\"text\":\"" + HUGE + "\"}\n"))
        .docWithId("h1", HUGE);
    add(c, write("records/blank.jsonl", "\n{\"id\":\"b1\",\"text\":\"after blanks\"}\n \n"))
        .docWithId("b1", "after blanks").blank(2);
    add(c, write("records/unknown.rtf", "{\\rtf1 not a format we read}")).reject(1, "unknown_format");
    add(c, write("records/empty.jsonl"));
    return this;
  }

  /** Corpus bad-quoted-tsv: a TSV whose corpus sets {@code quote: '"'}. */
  BadInputs quotedTsv() throws Exception {
    add("bad-quoted-tsv", write("quoted/quoted.tsv", "id\ttext\n1\t\"tab\there, \"\"quoted\"\"\"\n2\tplain\n"))
        .doc(2, "tab\there, \"quoted\"").doc(3, "plain");
    return this;
  }

  /** Corpus bad-files, mode file: folder {@code files/}. */
  BadInputs files() throws Exception {
    String c = "bad-files";
    add(c, write("files/whole.md", "# Title\r\n\r\nBody\n")).doc(1, "# Title\r\n\r\nBody\n");
    add(c, write("files/empty.md")).reject(1, "empty_text");
    add(c, write("files/binary.txt", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 'a'})).reject(1, "invalid_utf8");
    return this;
  }

  /** The config's corpora for these folders (YAML). */
  String corporaYaml() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("bad-lines", "{name: bad-lines, paths: [bad/lines], mode: line, lang: eng_Latn}");
    c.put("bad-records", "{name: bad-records, paths: [bad/records], mode: record, id_column: id, "
        + "lang_from: column, lang_column: lang}");
    c.put("bad-quoted-tsv", "{name: bad-quoted-tsv, paths: [bad/quoted/quoted.tsv], mode: record, lang: eng_Latn, "
        + "quote: '\"'}");
    c.put("bad-files", "{name: bad-files, paths: [bad/files], mode: file, lang: eng_Latn}");
    StringBuilder b = new StringBuilder();
    c.values().forEach(v -> b.append("  - ").append(v).append('\n'));
    return b.toString();
  }
}
