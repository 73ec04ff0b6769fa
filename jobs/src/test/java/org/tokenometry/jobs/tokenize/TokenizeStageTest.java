package org.tokenometry.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.testing.SparkTest;

/** TokenizeStage end to end on a hand-made documents table; every expectation is worked out in comments. */
class TokenizeStageTest extends SparkTest {
  @TempDir
  static Path tmp;
  static TableStore tables;
  static RunManifest manifest;

  static final StructType DOCUMENTS = new StructType()
      .add("doc_id", DataTypes.StringType).add("corpus", DataTypes.StringType)
      .add("domain", DataTypes.StringType).add("lang", DataTypes.StringType)
      .add("script", DataTypes.StringType).add("parallel_id", DataTypes.StringType)
      .add("source", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("n_bytes", DataTypes.LongType).add("n_chars", DataTypes.LongType)
      .add("shard", DataTypes.IntegerType);

  private static Row doc(String id, String corpus, String lang, String parallelId, String text) {
    return RowFactory.create(id, corpus, "general", lang, "Latn", parallelId, "mem://" + id, text, 0L, 0L, 0);
  }

  @BeforeAll
  static void runTheStage() throws Exception {
    ReferenceData.tokenizer("gpt4o"); // fails with the fix when the cache is empty
    List<Row> docs = List.of(
        // a parallel corpus: eng 12 + 11 = 23 bytes, fra 17 + 15 = 32 bytes ("thé": é is 2 bytes)
        doc("e1", "par", "eng_Latn", "par:1", "Hello world."),
        doc("e2", "par", "eng_Latn", "par:2", "I like tea."),
        doc("f1", "par", "fra_Latn", "par:1", "Bonjour le monde."),
        doc("f2", "par", "fra_Latn", "par:2", "J'aime le th\u00e9."),
        // fra has a line eng lacks: premium only counts ids both have
        doc("f3", "par", "fra_Latn", "par:3", "Une ligne de plus."),
        // twins: two languages with the same text, so every premium is 1 and the gini 0
        doc("t1", "twins", "eng_Latn", "tw:1", "Same words here."),
        doc("t2", "twins", "sco_Latn", "tw:1", "Same words here."),
        // not parallel: no premium; "aaa b" gives the chars baseline a known top token
        doc("m1", "mono", "eng_Latn", null, "aaa b"));
    Files.writeString(tmp.resolve("eng.words"), "hello\nWorld\ntea\n");
    PipelineConfig config = new PipelineConfig(tmp.resolve("out").toString(), List.of("tokenize"), null,
        List.of("utf8_bytes", "chars", "words", "gpt4o"), null, null,
        new TokenizeConfig(null, null, null, null, Map.of("eng_Latn", tmp.resolve("eng.words").toString()), null, null),
        null, null, null, null);
    tables = new TableStore(spark, config.output(), "test-run");
    tables.write(spark.createDataFrame(docs, DOCUMENTS).repartition(3), "documents", "corpus", "lang");
    manifest = new RunManifest("test-run", config, Map.of());
    new TokenizeStage().run(new StageContext(spark, config, tables, manifest,
        new Console(new PrintStream(new ByteArrayOutputStream()), true)));
  }

  private static Row one(String table, String where) {
    List<Row> rows = tables.read(table).where(where).collectAsList();
    assertEquals(1, rows.size(), table + " where " + where + ": " + rows);
    return rows.get(0);
  }

  /** The columns DESIGN.md §2 lists, in its order, against what the stage wrote. */
  @Test
  void columnsAreTheContract() {
    Map<String, String> contract = Map.of(
        "doc_tokens", "doc_id tokenizer corpus domain lang parallel_id tokens bytes chars words sentences unk "
            + "byte_fallback continued_words split_chars",
        "compression", "tokenizer corpus domain lang docs bytes chars words sentences tokens bytes_per_token "
            + "bytes_per_token_ci_low bytes_per_token_ci_high chars_per_token tokens_per_word tokens_per_sentence "
            + "continued_word_rate single_token_word_rate nsl premium premium_ci_low premium_ci_high byte_premium "
            + "byte_premium_ci_low byte_premium_ci_high tokenizer_premium tokenizer_premium_ci_low "
            + "tokenizer_premium_ci_high renyi_efficiency tokens_per_second",
        "coverage", "tokenizer corpus lang tokens unk_rate byte_fallback_rate split_char_rate vocab_size "
            + "distinct_tokens vocab_utilization lexicon_type_rate lexicon_token_rate top_tokens",
        "fairness", "tokenizer corpus languages pivot_lang premium_mean premium_max premium_max_lang gini "
            + "byte_premium_gini tokenizer_premium_gini",
        "vocab_profile", "tokenizer category script count share");
    contract.forEach((table, columns) -> assertEquals(List.of(columns.split(" ")),
        List.of(tables.read(table).schema().fieldNames()), table));
    assertEquals("array<struct<token:string,count:bigint>>",
        tables.read("coverage").schema().apply("top_tokens").dataType().simpleString());
  }

  @Test
  void docTokensHasOneRowPerDocumentAndTokenizer() {
    assertEquals(8 * 4, tables.read("doc_tokens").count());
    Row f2 = one("doc_tokens", "doc_id = 'f2' and tokenizer = 'utf8_bytes'");
    assertEquals(15L, f2.<Long>getAs("tokens"));
    assertEquals(14L, f2.<Long>getAs("chars"));
    // "J'aime le thé.": ICU words J'aime, le, thé; each byte is a token, so every word is continued
    assertEquals(3L, f2.<Long>getAs("words"));
    assertEquals(1L, f2.<Long>getAs("sentences"));
    assertEquals(3L, f2.<Long>getAs("continued_words"));
    // é is the only character of two bytes: the only split character
    assertEquals(1L, f2.<Long>getAs("split_chars"));
    assertEquals(8 * 4L, (long) manifest.stage("tokenize").get("doc_tokens_rows"));
  }

  @Test
  void compressionBaselinesPremiumAndNsl() {
    Row bytesEng = one("compression", "tokenizer = 'utf8_bytes' and corpus = 'par' and lang = 'eng_Latn'");
    assertEquals(1.0, bytesEng.<Double>getAs("bytes_per_token"), 0);
    assertEquals(23L, bytesEng.<Long>getAs("tokens"));
    assertEquals(1.0, bytesEng.<Double>getAs("premium"), 0); // the pivot against itself
    assertEquals(1.0, bytesEng.<Double>getAs("nsl"), 0); // the reference (first listed) against itself
    Row bytesFra = one("compression", "tokenizer = 'utf8_bytes' and corpus = 'par' and lang = 'fra_Latn'");
    // f3 has no English line: premium = (17 + 15) / (12 + 11), not counting f3's 18 bytes
    assertEquals(32.0 / 23, bytesFra.<Double>getAs("premium"), 1e-12);
    assertEquals(50L, bytesFra.<Long>getAs("bytes"));
    // par needs the join over doc_tokens: bytes on the same ids are the byte tokens, so the byte premium is the
    // premium and the tokenizer adds nothing; no interval on the join path
    assertEquals(32.0 / 23, bytesFra.<Double>getAs("byte_premium"), 1e-12);
    assertEquals(1.0, bytesFra.<Double>getAs("tokenizer_premium"), 1e-12);
    assertNull(bytesFra.getAs("premium_ci_low"));
    Row charsFraPar = one("compression", "tokenizer = 'chars' and corpus = 'par' and lang = 'fra_Latn'");
    // 31 code points on the common ids (é is two bytes) against English's 23: premium 31/23, bytes 32/23
    assertEquals(31.0 / 32, charsFraPar.<Double>getAs("tokenizer_premium"), 1e-12);
    // twins settle from the pass's groups: identical texts, so every premium is exactly 1
    Row twin = one("compression", "tokenizer = 'gpt4o' and corpus = 'twins' and lang <> 'eng_Latn'");
    for (String c : List.of("premium", "byte_premium", "tokenizer_premium")) {
      assertEquals(1.0, twin.<Double>getAs(c), 1e-12, c);
    }
    Row charsFra = one("compression", "tokenizer = 'chars' and corpus = 'par' and lang = 'fra_Latn'");
    assertEquals(1.0, charsFra.<Double>getAs("chars_per_token"), 0);
    // 49 code points (only é is two bytes) vs 50 reference (byte) tokens
    assertEquals(49.0 / 50, charsFra.<Double>getAs("nsl"), 1e-12);
    Row mono = one("compression", "tokenizer = 'words' and corpus = 'mono'");
    assertNull(mono.getAs("premium"));
    assertEquals(1.0, mono.<Double>getAs("tokens_per_word"), 0); // "aaa b": two words, two tokens
    assertNull(mono.getAs("renyi_efficiency")); // unbounded vocabulary
    Row gpt = one("compression", "tokenizer = 'gpt4o' and corpus = 'par' and lang = 'eng_Latn'");
    assertTrue(gpt.<Double>getAs("tokens_per_second") > 0);
    assertTrue(gpt.<Double>getAs("renyi_efficiency") > 0 && gpt.<Double>getAs("renyi_efficiency") < 1);
  }

  /** The pass computes each document's bootstrap weights (200 replicates by default). */
  @Test
  void bootstrapIntervals() {
    // twins settle from the pass's groups: every replicate resamples the same sentence in both languages
    Row twin = one("compression", "tokenizer = 'chars' and corpus = 'twins' and lang = 'sco_Latn'");
    for (String c : List.of("premium", "byte_premium", "tokenizer_premium")) {
      Double low = twin.getAs(c + "_ci_low");
      Double high = twin.getAs(c + "_ci_high");
      assertTrue(low != null && high != null, c);
      assertTrue(low <= twin.<Double>getAs(c) && twin.<Double>getAs(c) <= high, c + ": " + twin);
    }
    // chars on par fra: 50 bytes / 49 code points; each replicate is a ratio of sums over the same documents
    Row chars = one("compression", "tokenizer = 'chars' and corpus = 'par' and lang = 'fra_Latn'");
    double bpt = chars.<Double>getAs("bytes_per_token");
    assertEquals(50.0 / 49, bpt, 1e-12);
    assertTrue(chars.<Double>getAs("bytes_per_token_ci_low") <= bpt, chars.toString());
    assertTrue(bpt <= chars.<Double>getAs("bytes_per_token_ci_high"), chars.toString());
    // one byte per token in every replicate
    Row bytes = one("compression", "tokenizer = 'utf8_bytes' and corpus = 'mono'");
    assertEquals(1.0, bytes.<Double>getAs("bytes_per_token_ci_low"), 0);
    assertEquals(1.0, bytes.<Double>getAs("bytes_per_token_ci_high"), 0);
  }

  @Test
  void fairnessPerParallelCorpus() {
    // utf8_bytes on par: premiums eng 1, fra 32/23; Σ_i Σ_j |p_i − p_j| = 2 · 9/23; mean = 55/46;
    // gini = (18/23) / (2 · 4 · 55/46) = 36/440
    Row par = one("fairness", "tokenizer = 'utf8_bytes' and corpus = 'par'");
    assertEquals(2, par.<Integer>getAs("languages"));
    assertEquals("eng_Latn", par.getAs("pivot_lang"));
    assertEquals("fra_Latn", par.getAs("premium_max_lang"));
    assertEquals(32.0 / 23, par.<Double>getAs("premium_max"), 1e-12);
    assertEquals(55.0 / 46, par.<Double>getAs("premium_mean"), 1e-12);
    assertEquals(36.0 / 440, par.<Double>getAs("gini"), 1e-12);
    for (String t : List.of("utf8_bytes", "chars", "words", "gpt4o")) {
      Row twins = one("fairness", "tokenizer = '" + t + "' and corpus = 'twins'");
      assertEquals(0.0, twins.<Double>getAs("gini"), 0);
      assertEquals(1.0, twins.<Double>getAs("premium_mean"), 0);
      assertEquals(0.0, twins.<Double>getAs("byte_premium_gini"), 0);
      assertEquals(0.0, twins.<Double>getAs("tokenizer_premium_gini"), 0);
    }
    assertEquals(0, tables.read("fairness").where("corpus = 'mono'").count());
  }

  @Test
  void coverageLexiconAndTopTokens() {
    Row chars = one("coverage", "tokenizer = 'chars' and corpus = 'mono'");
    List<Row> top = chars.getList(chars.fieldIndex("top_tokens"));
    // "aaa b": a ×3, then ' ' and b once each (ties by code point: ' ' 32 before 'b' 98)
    assertEquals(List.of("a", " ", "b"), top.stream().map(r -> r.getString(0)).toList());
    assertEquals(3L, top.get(0).getLong(1));
    Row bytes = one("coverage", "tokenizer = 'utf8_bytes' and corpus = 'par' and lang = 'fra_Latn'");
    assertEquals(256, bytes.<Integer>getAs("vocab_size"));
    // é (C3 A9) is 1 of the 42 non-space characters of the three French lines (17+14+18 code points, 7 spaces)
    assertEquals(1.0 / 42, bytes.<Double>getAs("split_char_rate"), 1e-12);
    assertNull(bytes.getAs("lexicon_type_rate")); // no French word list
    // gpt4o on "Hello world." + "I like tea.": Hello | " world" | . | I | " like" | " tea" | .
    // strings hello, world, ., i, like, tea (6 types, 7 tokens); the list has hello, world, tea -> 3/6 and 3/7
    Row gpt = one("coverage", "tokenizer = 'gpt4o' and corpus = 'par' and lang = 'eng_Latn'");
    assertEquals(0.5, gpt.<Double>getAs("lexicon_type_rate"), 1e-12);
    assertEquals(3.0 / 7, gpt.<Double>getAs("lexicon_token_rate"), 1e-12);
    assertEquals(6L, gpt.<Long>getAs("distinct_tokens"));
    Row words = one("coverage", "tokenizer = 'words' and corpus = 'mono'");
    assertNull(words.getAs("vocab_size"));
  }

  @Test
  void vocabProfileCoversTheWholeVocabulary() {
    Dataset<Row> p = tables.read("vocab_profile");
    assertEquals(List.of("gpt4o"), p.select("tokenizer").distinct().as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());
    long total = p.agg(org.apache.spark.sql.functions.sum("count")).first().getLong(0);
    double share = p.agg(org.apache.spark.sql.functions.sum("share")).first().getDouble(0);
    // every assigned id of the file is profiled exactly once: o200k's tokenizer.json assigns 200000 ids
    // (199998 ranks, <|endoftext|> = 199999, <|endofprompt|> = 200018)
    assertEquals(200000L, total);
    assertEquals(200000L, manifestVocab("gpt4o"));
    assertEquals(1.0, share, 1e-9);
  }

  @SuppressWarnings("unchecked")
  private static long manifestVocab(String name) {
    Map<String, Object> toks = (Map<String, Object>) manifest.asMap().get("tokenizers");
    return ((Number) ((Map<String, Object>) toks.get(name)).get("vocab_size")).longValue();
  }

  @Test
  void sqlFunctionsAndManifest() {
    Row r = spark.sql("SELECT token_count('Hello world', 'gpt4o') AS n, tokens('Hello world', 'gpt4o') AS ids,"
        + " token_count('a\uD83D\uDE00', 'utf8_bytes') AS b").first();
    assertEquals(2, r.getInt(0));
    assertEquals(List.of(13225, 2375), r.getList(1));
    assertEquals(5, r.getInt(2));
    @SuppressWarnings("unchecked")
    Map<String, Object> gpt = (Map<String, Object>) ((Map<String, Object>) manifest.asMap().get("tokenizers"))
        .get("gpt4o");
    assertEquals(64, ((String) gpt.get("sha256")).length());
    // twins' languages hold the same parallel ids: premiums from the pass's groups; par's fra has an extra id
    @SuppressWarnings("unchecked")
    Map<String, Object> stage = (Map<String, Object>) ((Map<String, Object>) manifest.asMap().get("stages"))
        .get("tokenize");
    assertEquals(List.of("par"), stage.get("premium_joined_corpora"));
    // no tokenizer_registry in the config: the installation's registry (java engine, pinned sha256)
    assertEquals("java", gpt.get("engine"));
    assertEquals(true, gpt.get("sha256_verified"));
  }

  @Test
  void aReferenceTokenizerOutsideTheRunIsAConfigError() {
    PipelineConfig bad = new PipelineConfig(tmp.resolve("out").toString(), List.of("tokenize"), null,
        List.of("chars"), null, null,
        new TokenizeConfig(null, "gpt4o", null, null, null, null, null), null, null, null, null);
    ConfigException e = assertThrows(ConfigException.class, () -> new TokenizeStage().run(new StageContext(spark,
        bad, tables, manifest, new Console(new PrintStream(new ByteArrayOutputStream()), true))));
    assertTrue(e.getMessage().contains("reference_tokenizer"), e.getMessage());
    ConfigException unknown = assertThrows(ConfigException.class, () -> new TokenizeStage().run(new StageContext(
        spark, new PipelineConfig(tmp.resolve("out").toString(), List.of("tokenize"), null, List.of("gtp4o"),
            null, null, null, null, null, null, null), tables, manifest,
        new Console(new PrintStream(new ByteArrayOutputStream()), true))));
    assertTrue(unknown.getMessage().contains("unknown tokenizer 'gtp4o'"), unknown.getMessage());
  }
}
