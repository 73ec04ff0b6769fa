package org.tokenometry.jobs.ingest.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Cli;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.ingest.DocIds;
import org.tokenometry.udfs.ingest.LangCodes;

/**
 * The sample data plus a folder of every class of bad input from issue 17 (see {@link BadInputs}), through the
 * real command line ({@code run CONFIG --stages ingest}): the run succeeds, every good record is a document
 * with exactly its text, every bad record is its own reject with its reason, and records = documents +
 * rejects for every source in the manifest.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // an opened FIFO would block forever: fail instead
class BadInputsEndToEndTest {
  @TempDir
  static Path dir;

  static BadInputs bad;
  static final List<BadInputs.Source> expected = new ArrayList<>();
  static int exitCode;
  static String stderr;
  static SparkSession spark;
  static Path out;

  @BeforeAll
  static void ingestThroughTheCli() throws Exception {
    Path sample = dir.resolve("sample");
    Path from = ReferenceData.projectRoot().resolve("sample-data");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Files.copy(p, sample.resolve(from.relativize(p).toString()));
      }
    }
    bad = new BadInputs(dir.resolve("bad")).lines().records().quotedTsv().files();
    expected.addAll(bad.sources);
    expected.addAll(sampleExpectations(sample));
    Path config = dir.resolve("run.yaml");
    Files.writeString(config, "output: out\n"
        + "ingest: {max_doc_bytes: " + BadInputs.MAX_DOC_BYTES + ", shards: 4}\n"
        + "corpora:\n"
        + "  - {name: sample-parallel, paths: [sample/parallel/dev], mode: line, lang_from: filename, parallel: true}\n"
        + "  - {name: sample-domain, paths: [sample/domain], mode: file, lang: eng_Latn, domain: finance}\n"
        + "  - {name: sample-notes, paths: [sample/records/notes.csv], mode: record, id_column: id, "
        + "lang_from: column, lang_column: lang}\n"
        + "  - {name: sample-dirty, paths: [\"sample/dirty/*\"], mode: record, id_column: id, lang: eng_Latn}\n"
        + bad.corporaYaml());
    out = dir.resolve("out");
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(dir.resolve("bad/lines/socket.txt")));
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exitCode = Cli.execute("run", config.toString(), "--stages", "ingest", "--master", "local[2]", "-q");
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    stderr = err.toString(StandardCharsets.UTF_8);
    spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** The sample corpora, read with plain Java and Jackson, as independent of the readers as possible. */
  private static List<BadInputs.Source> sampleExpectations(Path sample) throws Exception {
    List<BadInputs.Source> s = new ArrayList<>();
    try (Stream<Path> files = Files.list(sample.resolve("parallel/dev"))) {
      for (Path f : files.sorted().toList()) {
        BadInputs.Source src = new BadInputs.Source("sample-parallel", f);
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          src.doc(i + 1, lines.get(i));
        }
        s.add(src);
      }
    }
    for (String name : List.of("biomedical.md", "cyber.md", "finance.md")) {
      Path f = sample.resolve("domain/" + name);
      s.add(new BadInputs.Source("sample-domain", f).doc(1, Files.readString(f)));
    }
    s.add(new BadInputs.Source("sample-notes", sample.resolve("records/notes.csv"))
        .docWithId("note-1", "Tokenizers split text into pieces, and some languages pay more for the same meaning.")
        .docWithId("note-2", "Un texte parallèle permet de comparer le coût en jetons d'une langue à l'autre.")
        .docWithId("note-3", "Ein Satz mit \"Anführungszeichen\", einem Komma\nund einem Zeilenumbruch im Feld."));
    BadInputs.Source dirty = new BadInputs.Source("sample-dirty", sample.resolve("dirty/dirty.jsonl"))
        .reject(2, "malformed_json").reject(3, "empty_text").reject(4, "missing_text_field")
        .reject(6, "invalid_utf8");
    List<String> lines = Files.readAllLines(sample.resolve("dirty/dirty.jsonl"), StandardCharsets.ISO_8859_1);
    ObjectMapper json = new ObjectMapper();
    for (int no : new int[] {1, 5, 7, 8}) {
      byte[] raw = lines.get(no - 1).getBytes(StandardCharsets.ISO_8859_1);
      String line = new String(raw, StandardCharsets.UTF_8).replace("\uFEFF", "");
      String text = json.readTree(line.replace("\u0000", "\\u0000")).get("text").asText();
      // repairs: C0 controls but tab, LF, CR become spaces
      dirty.docWithId("dirty-" + no, text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " "));
    }
    s.add(dirty);
    s.add(new BadInputs.Source("sample-dirty", sample.resolve("dirty/legacy.rtf")).reject(1, "unknown_format"));
    return s;
  }

  @Test
  void theRunSucceeds() {
    assertEquals(0, exitCode, stderr);
  }

  @Test
  void everyGoodRecordIsADocumentWithExactlyItsText() {
    Map<String, String> want = new TreeMap<>();
    Map<String, BadInputs.Source> truncated = new HashMap<>();
    for (BadInputs.Source s : expected) {
      s.docs.forEach((id, text) -> want.put(s.corpus + " " + s.uri() + " " + id, text));
      if (s.truncatedLines) {
        truncated.put(s.corpus + " " + s.uri(), s);
      }
    }
    Map<String, String> got = new TreeMap<>();
    for (Row r : IngestChecks.documents(spark, out).select("corpus", "source", "doc_id", "text").collectAsList()) {
      String key = r.getString(0) + " " + r.getString(1);
      if (truncated.containsKey(key)) {
        continue;
      }
      got.put(key + " " + r.getString(2), r.getString(3));
    }
    assertEquals(want.keySet(), got.keySet(), "the documents, by corpus, source and id");
    want.forEach((k, text) -> assertEquals(text, got.get(k), k));
  }

  @Test
  void aTruncatedGzipKeepsEveryLineBeforeTheBreak() {
    BadInputs.Source cut = expected.stream().filter(s -> s.truncatedLines).findFirst().orElseThrow();
    List<Row> docs = IngestChecks.documents(spark, out).where("source = '" + cut.uri() + "'")
        .select("doc_id", "text").collectAsList();
    Map<String, String> byId = new HashMap<>();
    docs.forEach(r -> byId.put(r.getString(0), r.getString(1)));
    int n = docs.size();
    assertTrue(n > 1000 && n < 20_000, n + " lines kept");
    for (int i = 1; i <= n; i++) {
      assertEquals("line " + i + " of a file whose gzip stream is cut in half", byId.get(DocIds.docId(cut.uri(), i)));
    }
    Row reject = IngestChecks.rejects(spark, out).where("source = '" + cut.uri() + "'").first();
    assertEquals("unreadable_file", reject.getAs("reason"));
    assertEquals(n + 1L, (long) reject.getAs("record_no"));
  }

  @Test
  void everyBadRecordIsItsOwnRejectWithItsReason() {
    Map<String, String> want = new TreeMap<>();
    for (BadInputs.Source s : expected) {
      s.rejects.forEach((no, reason) -> want.put(s.corpus + " " + s.uri() + " #" + no, reason));
    }
    Map<String, String> got = new TreeMap<>();
    for (Row r : IngestChecks.rejects(spark, out).collectAsList()) {
      String key = r.<String>getAs("corpus") + " " + r.<String>getAs("source");
      if (expected.stream().anyMatch(s -> s.truncatedLines && key.equals(s.corpus + " " + s.uri()))) {
        continue;
      }
      got.put(key + " #" + r.getAs("record_no"), r.getAs("reason"));
    }
    assertEquals(want, got);
  }

  @Test
  void recordsEqualDocumentsPlusRejectsForEverySource() {
    IngestChecks.assertBalanced(spark, out);
    for (BadInputs.Source s : expected) {
      Map<String, Object> c = IngestChecks.sources(out).get(s.corpus).get(s.uri());
      assertTrue(c != null, "no manifest entry for " + s.uri());
      if (!s.truncatedLines) {
        assertEquals(s.records(), IngestChecks.number(c, "records"), s.uri());
      }
      assertEquals(s.blankLines, IngestChecks.number(c, "blank_lines"), s.uri());
    }
    long listed = IngestChecks.sources(out).values().stream().mapToLong(Map::size).sum();
    assertEquals(expected.size(), listed, "no source more, none fewer: " + IngestChecks.sources(out));
  }

  @Test
  void linksAndHiddenEntriesAreReportedNotRead() {
    @SuppressWarnings("unchecked")
    List<Map<String, String>> skipped = (List<Map<String, String>>) IngestChecks.ingestSection(out).get("skipped");
    List<String> names = skipped.stream().map(s -> s.get("path").substring(s.get("path").lastIndexOf('/') + 1))
        .sorted().toList();
    assertEquals(bad.skipped.stream().sorted().toList(), names, skipped.toString());
  }

  @Test
  void everyLangPartitionIsALanguageCode() throws Exception {
    try (Stream<Path> corpora = Files.list(out.resolve("documents"))) {
      for (Path corpus : corpora.filter(Files::isDirectory).toList()) {
        try (Stream<Path> langs = Files.list(corpus)) {
          for (Path lang : langs.filter(Files::isDirectory).toList()) {
            String code = lang.getFileName().toString().substring("lang=".length());
            assertTrue(LangCodes.isPlausible(code), lang.toString());
          }
        }
      }
    }
  }
}
