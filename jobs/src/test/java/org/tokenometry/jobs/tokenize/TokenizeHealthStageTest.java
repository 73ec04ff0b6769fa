package org.tokenometry.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.testing.SparkTest;

/**
 * The tokenizer-health tables (roundtrip, numbers, robustness, vocab_tokens, vocab_health) as the real stage
 * writes them from its one pass, on four hand-made documents; every expectation is worked out in comments.
 */
class TokenizeHealthStageTest extends SparkTest {
  @TempDir
  static Path tmp;
  static TableStore tables;
  static RunManifest manifest;

  // d1 and d4 are lower-case with single spaces, so WordPiece (uncased minilm) gives them back exactly; the only
  // digit run of the corpus is d2's 1234567; d3 holds a double space and a tab
  static final List<Row> DOCS = List.of(
      doc("d1", "hello world"),
      doc("d2", "Call 1234567 now"),
      doc("d3", "Tea  time\tok"),
      doc("d4", "all good here."));

  private static Row doc(String id, String text) {
    return RowFactory.create(id, "h", "general", "eng_Latn", "Latn", null, "mem://" + id, text, 0L, 0L, 0);
  }

  /**
   * Byte-level BPE, GPT-2 pre-tokenizer and decoder: ids 0..255 the bytes (GPT-2's byte alphabet), then he (256),
   * ll (257), hell (258), hello (259).
   */
  static Path tinyTokenizer(Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    model.putNull("unk_token");
    model.putNull("continuing_subword_prefix");
    model.putNull("end_of_word_suffix");
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    model.put("ignore_merges", false);
    ObjectNode vocab = model.putObject("vocab");
    for (int b = 0; b < 256; b++) {
      vocab.put(byteChar(b), b);
    }
    ArrayNode merges = model.putArray("merges");
    String[][] pairs = {{"h", "e"}, {"l", "l"}, {"he", "ll"}, {"hell", "o"}};
    for (int i = 0; i < pairs.length; i++) {
      vocab.put(pairs[i][0] + pairs[i][1], 256 + i);
      merges.add(pairs[i][0] + " " + pairs[i][1]);
    }
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    root.putArray("added_tokens");
    root.putNull("normalizer");
    root.putObject("pre_tokenizer").put("type", "ByteLevel").put("add_prefix_space", false)
        .put("trim_offsets", true).put("use_regex", true);
    root.putNull("post_processor");
    root.putObject("decoder").put("type", "ByteLevel").put("add_prefix_space", true).put("trim_offsets", true)
        .put("use_regex", true);
    Path f = dir.resolve("tiny.json");
    Files.writeString(f, json.writeValueAsString(root));
    return f;
  }

  /** GPT-2's byte-to-character alphabet: printable bytes stand for themselves, the rest from U+0100 on. */
  private static String byteChar(int b) {
    int next = 256;
    for (int x = 0; x < b; x++) {
      next += printable(x) ? 0 : 1;
    }
    return new String(Character.toChars(printable(b) ? b : next));
  }

  private static boolean printable(int b) {
    return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
  }

  @BeforeAll
  static void runTheStage() throws Exception {
    ReferenceData.tokenizer("minilm");
    TokenizeConfig cfg = new TokenizeConfig(null, null, null, null, null,
        Map.of("tiny", tinyTokenizer(tmp).toString()), null,
        // every letter with a look-alike becomes one; every document is sampled (4 < 1000)
        new TokenizeConfig.Robustness(List.of("upper", "homoglyphs"), 1.0, 1000, 42L),
        new TokenizeConfig.Numbers(true, 1, 42L), null, 0, null, null);
    PipelineConfig config = new PipelineConfig(tmp.resolve("out").toString(), List.of("tokenize"), null,
        List.of("utf8_bytes", "chars", "words", "minilm", "tiny"), null, null, cfg, null, null, null, null);
    tables = new TableStore(spark, config.output(), "health-run");
    tables.write(spark.createDataFrame(DOCS, TokenizeStageTest.DOCUMENTS).repartition(2), "documents", "corpus",
        "lang");
    manifest = new RunManifest("health-run", config, Map.of());
    new TokenizeStage().run(new StageContext(spark, config, tables, manifest,
        new Console(new PrintStream(new ByteArrayOutputStream()), true)));
  }

  private static Row one(String table, String where) {
    List<Row> rows = tables.read(table).where(where).collectAsList();
    assertEquals(1, rows.size(), table + " where " + where + ": " + rows);
    return rows.get(0);
  }

  /** The columns README lists for each table, in its order. */
  @Test
  void columnsAreTheContract() {
    Map<String, String> contract = Map.of(
        "roundtrip", "tokenizer corpus lang docs exact_rate normalized_rate cer cer_docs cer_skipped_docs "
            + "whitespace_fidelity unk_chars unk_char_rate",
        "robustness", "tokenizer corpus lang perturbation docs changed_docs words changed_words tokens "
            + "perturbed_tokens token_inflation unk_rate_delta byte_fallback_rate_delta word_change_rate "
            + "encode_seconds",
        "numbers", "tokenizer number_set runs digits pieces one_digit_share two_digit_share three_digit_share "
            + "four_plus_digit_share split_entropy boundary_precision boundary_recall boundary_f1",
        "vocab_tokens", "tokenizer id piece text n_bytes script flags count",
        "vocab_health", "tokenizer corpus flag count share");
    contract.forEach((table, columns) -> assertEquals(List.of(columns.split(" ")),
        List.of(tables.read(table).schema().fieldNames()), table));
  }

  @Test
  void roundTrip() {
    for (String t : List.of("utf8_bytes", "chars", "tiny")) { // lossless: every document comes back
      Row r = one("roundtrip", "tokenizer = '" + t + "'");
      assertEquals(4L, r.<Long>getAs("docs"));
      assertEquals(1.0, r.<Double>getAs("exact_rate"), 0, t);
      assertEquals(1.0, r.<Double>getAs("whitespace_fidelity"), 0, t);
    }
    assertNull(one("roundtrip", "tokenizer = 'words'").getAs("exact_rate")); // hashes cannot be decoded
    // minilm lower-cases and writes one space between words: only d1 and d4 come back as written, and every
    // document comes back as its normal form (all its characters are in the vocabulary)
    Row minilm = one("roundtrip", "tokenizer = 'minilm'");
    assertEquals(0.5, minilm.<Double>getAs("exact_rate"), 0);
    assertEquals(1.0, minilm.<Double>getAs("normalized_rate"), 0);
    assertEquals(0L, minilm.<Long>getAs("cer_docs"));
    // whitespace runs: d1 " ", d2 " " " ", d3 "  " "\t", d4 " " " " = 7; d3 comes back "tea time ok", which keeps
    // neither of its runs: 5 / 7
    assertEquals(5.0 / 7, minilm.<Double>getAs("whitespace_fidelity"), 1e-12);
    assertEquals(0L, (long) manifest.stage("tokenize").get("health_long_docs"));
  }

  @Test
  void numbers() {
    // 1234567 byte by byte: 7 one-digit pieces, 6 cuts, of which the ideal ones are 1|234|567: TP 2, FP 4, FN 0
    Row bytes = one("numbers", "tokenizer = 'utf8_bytes' and number_set = 'corpus'");
    assertEquals(1L, bytes.<Long>getAs("runs"));
    assertEquals(7L, bytes.<Long>getAs("pieces"));
    assertEquals(1.0, bytes.<Double>getAs("one_digit_share"), 0);
    assertEquals(2.0 / 6, bytes.<Double>getAs("boundary_precision"), 1e-12);
    assertEquals(1.0, bytes.<Double>getAs("boundary_recall"), 0);
    assertEquals(4.0 / 8, bytes.<Double>getAs("boundary_f1"), 1e-12);
    assertEquals(0.0, bytes.<Double>getAs("split_entropy"), 0);
    // the words baseline keeps 1234567 whole: one piece of 7 digits, no cut: TP 0, FP 0, FN 2
    Row words = one("numbers", "tokenizer = 'words' and number_set = 'corpus'");
    assertEquals(1.0, words.<Double>getAs("four_plus_digit_share"), 0);
    assertNull(words.getAs("boundary_precision"));
    assertEquals(0.0, words.<Double>getAs("boundary_f1"), 0);
    // one generated integer per length 1..12: 78 digits, Σ (L - 1) = 66 cuts of which Σ ⌊(L - 1) / 3⌋ = 18 ideal
    Row generated = one("numbers", "tokenizer = 'utf8_bytes' and number_set = 'generated_integers'");
    assertEquals(12L, generated.<Long>getAs("runs"));
    assertEquals(78L, generated.<Long>getAs("pieces"));
    assertEquals(18.0 / 66, generated.<Double>getAs("boundary_precision"), 1e-12);
    assertEquals(4 * 5, tables.read("numbers").count()); // corpus + 3 generated sets, per tokenizer
  }

  @Test
  void robustness() {
    // upper-casing ASCII keeps every byte count: inflation exactly 1 over the 4 sampled documents
    Row upper = one("robustness", "tokenizer = 'utf8_bytes' and perturbation = 'upper'");
    assertEquals(4L, upper.<Long>getAs("docs"));
    assertEquals(4L, upper.<Long>getAs("changed_docs"));
    assertEquals(1.0, upper.<Double>getAs("token_inflation"), 0);
    // 11 + 16 + 12 + 14 bytes; homoglyphs at rate 1 turn letters into Cyrillic or Greek ones of 2 bytes each
    Row homoglyphs = one("robustness", "tokenizer = 'utf8_bytes' and perturbation = 'homoglyphs'");
    assertEquals(53L, homoglyphs.<Long>getAs("tokens"));
    assertTrue(homoglyphs.<Double>getAs("token_inflation") > 1, homoglyphs.toString());
    assertEquals(5 * 2, tables.read("robustness").count()); // per tokenizer and perturbation
    @SuppressWarnings("unchecked")
    Map<String, Object> cost = (Map<String, Object>) manifest.stage("tokenize").get("robustness");
    assertEquals(4L, ((Number) cost.get("sampled_docs")).longValue());
    // every perturbed text differs from its original: 4 documents x 2 perturbations x 5 tokenizers
    assertEquals(40L, ((Number) cost.get("perturbed_encodes")).longValue());
  }

  @Test
  void vocabularyCensus() {
    // tiny's counts: "hello" is one piece (259) in d1; "ll" (257) in "Call" and " all"; "hell" (258) only ever
    // became "hello", so it is never emitted, and subsumed by it; 'z' never occurs
    Row hello = one("vocab_tokens", "tokenizer = 'tiny' and id = 259");
    assertEquals(1L, hello.<Long>getAs("count"));
    assertEquals(List.of("rare"), hello.getList(hello.fieldIndex("flags")));
    Row ll = one("vocab_tokens", "tokenizer = 'tiny' and id = 257");
    assertEquals(2L, ll.<Long>getAs("count"));
    Row hell = one("vocab_tokens", "tokenizer = 'tiny' and id = 258");
    assertEquals(List.of("subsumed", "never_emitted"), hell.getList(hell.fieldIndex("flags")));
    Row z = one("vocab_tokens", "tokenizer = 'tiny' and id = " + (int) 'z');
    assertEquals(List.of("single_byte", "never_emitted"), z.getList(z.fieldIndex("flags")));
    assertEquals(260, tables.read("vocab_tokens").where("tokenizer = 'tiny'").count());
    Row singleByte = one("vocab_health", "tokenizer = 'tiny' and flag = 'single_byte'");
    assertNull(singleByte.getAs("corpus"));
    assertEquals(256L, singleByte.<Long>getAs("count"));
    assertEquals(256.0 / 260, singleByte.<Double>getAs("share"), 1e-12);
    // emitted pieces of more than one byte: he (" here"), ll, hello; never emitted inside them: hell, and 'h'
    // (every h of the corpus is in "hello" or "he"). Corpus h alone and every corpus together agree here
    assertEquals(2L, one("vocab_health", "tokenizer = 'tiny' and flag = 'subsumed' and corpus = 'h'")
        .<Long>getAs("count"));
    assertEquals(2L, one("vocab_health", "tokenizer = 'tiny' and flag = 'subsumed' and corpus is null")
        .<Long>getAs("count"));
    // the chars and words baselines have no vocabulary to take a census of
    assertEquals(0, tables.read("vocab_health").where("tokenizer in ('chars', 'words')").count());
  }

  @Test
  void noBootstrapNoIntervals() {
    Row r = one("compression", "tokenizer = 'utf8_bytes'");
    assertNull(r.getAs("bytes_per_token_ci_low"));
    assertNull(r.getAs("bytes_per_token_ci_high"));
  }

  /** Every record rejected: documents is a folder without data files. The stage writes empty tables. */
  @Test
  void aDocumentsTableWithoutRowsGivesEmptyTables() throws Exception {
    PipelineConfig config = new PipelineConfig(tmp.resolve("empty").toString(), List.of("tokenize"), null,
        List.of("utf8_bytes", "words"), null, null, null, null, null, null, null);
    TableStore empty = new TableStore(spark, config.output(), "empty-run");
    empty.write(spark.createDataFrame(List.of(), TokenizeStageTest.DOCUMENTS), "documents", "corpus", "lang");
    try (var files = Files.walk(Path.of(config.output(), "documents"))) {
      assertEquals(0, files.filter(f -> f.toString().endsWith(".parquet")).count());
    }
    RunManifest m = new RunManifest("empty-run", config, Map.of());
    new TokenizeStage().run(new StageContext(spark, config, empty, m,
        new Console(new PrintStream(new ByteArrayOutputStream()), true)));
    for (String table : List.of("doc_tokens", "compression", "coverage", "roundtrip", "robustness")) {
      assertEquals(0, empty.read(table).count(), table);
    }
    assertEquals(0L, (long) m.stage("tokenize").get("doc_tokens_rows"));
  }
}
