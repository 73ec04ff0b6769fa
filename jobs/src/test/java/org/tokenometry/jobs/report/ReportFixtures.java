package org.tokenometry.jobs.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.FairnessRow;
import org.tokenometry.udfs.tables.RetrievalRow;
import org.tokenometry.udfs.tables.VocabProfileRow;

/**
 * Small aggregate tables in the DESIGN.md §2 schemas, with values shaped like real runs: four tokenizers,
 * FLORES-style parallel sentences in 12 languages over 8 scripts, two domain corpora, a Chroma-style retrieval
 * grid. Numbers are derived from a few constants below (tokens = English tokens x premium factor), so tests
 * can compute expected values by hand. The {@code documents} table is deliberately unreadable: the report
 * must never read it.
 */
public final class ReportFixtures {
  static final List<String> TOKENIZERS = List.of("gpt4o", "llama3", "gemma3", "mistral7b");
  static final String[] LANGS = {"eng_Latn", "fra_Latn", "deu_Latn", "tur_Latn", "rus_Cyrl", "ell_Grek",
      "arb_Arab", "hin_Deva", "zho_Hans", "jpn_Jpan", "tha_Thai", "amh_Ethi"};
  /** English tokens on the 997 FLORES dev sentences, per tokenizer. */
  static final long[] ENG_TOKENS = {26_000, 26_100, 27_000, 31_000};
  /** Tokens relative to English, [lang][tokenizer]; row 0 is English itself. */
  static final double[][] PREMIUM = {
      {1.00, 1.00, 1.00, 1.00}, {1.30, 1.30, 1.25, 1.35}, {1.35, 1.35, 1.30, 1.45}, {1.60, 1.70, 1.50, 2.10},
      {1.50, 1.60, 1.45, 1.90}, {2.20, 2.60, 1.90, 3.30}, {1.60, 1.70, 1.50, 3.00}, {1.60, 2.30, 1.50, 4.80},
      {1.10, 1.20, 1.00, 1.60}, {1.30, 1.40, 1.20, 1.90}, {1.90, 2.40, 1.60, 4.40}, {3.40, 4.90, 2.90, 7.60}};
  static final long ENG_BYTES = 130_000;
  static final double[] BYTES_FACTOR = {1.00, 1.18, 1.20, 1.05, 2.00, 2.30, 1.75, 2.75, 0.95, 1.15, 2.90, 1.60};
  static final double[] BYTES_PER_CHAR = {1.0, 1.03, 1.02, 1.05, 1.85, 1.85, 1.80, 2.90, 3.0, 3.0, 2.95, 3.0};
  /** Domain corpora (English): bytes and tokens per tokenizer. */
  static final long FINANCE_BYTES = 500_000;
  static final long[] FINANCE_TOKENS = {110_000, 111_000, 118_000, 135_000};
  static final long PUBMED_BYTES = 300_000;
  static final long[] PUBMED_TOKENS = {72_000, 70_500, 74_000, 88_000};
  static final long[] VOCAB = {200_019, 128_256, 262_145, 32_000};
  static final int[] SIZES = {200, 400, 800};

  private ReportFixtures() {}

  static long tokens(int lang, int tk) {
    return Math.round(ENG_TOKENS[tk] * PREMIUM[lang][tk]);
  }

  static long bytes(int lang) {
    return Math.round(ENG_BYTES * BYTES_FACTOR[lang]);
  }

  /**
   * The flores200 rows of the compression table as the report reads them, for tests without Spark: bytes,
   * tokens, premium and its split (byte premium = {@link #BYTES_FACTOR}, intervals ± 2 %, the premium's ± 3 %) as
   * {@link #writeCompression} writes them, the other columns fixed.
   */
  static List<CompressionRow> floresCompression() {
    List<CompressionRow> rows = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      for (int l = 0; l < LANGS.length; l++) {
        rows.add(Rows.split(Rows.compression(TOKENIZERS.get(t), "flores200", "general", LANGS[l], 997, bytes(l),
            tokens(l, t), (double) bytes(l) / tokens(l, t), 1.0, 1.3, 0.2, 0.8, 1.0, PREMIUM[l][t], 0.4, 1e5),
            BYTES_FACTOR[l], 0.02));
      }
    }
    return rows;
  }

  /** Writes every aggregate table (and a broken documents table) under {@code output}. */
  public static void writeAll(SparkSession spark, Path output) throws Exception {
    TableStore store = new TableStore(spark, output.toString(), "fixture");
    writeCompression(spark, store);
    writeCoverage(spark, store);
    writeFairness(spark, store);
    writeVocab(spark, store);
    writeRetrieval(spark, store);
    HealthFixtures.write(spark, store);
    writeRejects(spark, store);
    writeBrokenDocuments(output);
  }

  /** Only the compression table (other sections must be skipped with a note). */
  public static void writeCompressionOnly(SparkSession spark, Path output) {
    writeCompression(spark, new TableStore(spark, output.toString(), "fixture"));
  }

  static void writeCompression(SparkSession spark, TableStore store) {
    List<CompressionRow> rows = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      for (int l = 0; l < LANGS.length; l++) {
        long bytes = bytes(l);
        long chars = Math.round(bytes / BYTES_PER_CHAR[l]);
        long words = Math.round(21_000 * (l == 8 || l == 9 || l == 10 ? 1.25 : 1.0));
        long tokens = tokens(l, t);
        double tpw = (double) tokens / words;
        double cont = 1 - 0.95 * Math.pow(tpw, -1.3); // saturates towards 1 as fertility grows
        rows.add(Rows.split(new CompressionRow(TOKENIZERS.get(t), "flores200", "general", LANGS[l], 997L, bytes,
            chars, words, 997L, tokens, (double) bytes / tokens, null, null, (double) chars / tokens, tpw,
            tokens / 997.0, cont, 1 - cont, (double) tokens / tokens(l, 0), PREMIUM[l][t], null, null, null, null,
            null, null, null, null, 0.42 - 0.01 * t, 150_000.0 + 10_000 * t), BYTES_FACTOR[l], 0.02));
      }
      rows.add(domainRow(t, "finance10k", "finance", FINANCE_BYTES, FINANCE_TOKENS[t], FINANCE_TOKENS[0]));
      rows.add(domainRow(t, "pubmed", "biomedical", PUBMED_BYTES, PUBMED_TOKENS[t], PUBMED_TOKENS[0]));
    }
    store.write(RowCodec.of(CompressionRow.class).dataFrame(spark, rows), CompressionRow.TABLE);
  }

  private static CompressionRow domainRow(int t, String corpus, String domain, long bytes, long tokens,
      long refTokens) {
    long words = bytes / 6;
    double tpw = (double) tokens / words;
    return new CompressionRow(TOKENIZERS.get(t), corpus, domain, "eng_Latn", 10L, bytes, bytes, words,
        bytes / 120, tokens, (double) bytes / tokens, null, null, (double) bytes / tokens, tpw,
        tokens / (bytes / 120.0), 0.12 + 0.05 * t, 0.88 - 0.05 * t, (double) tokens / refTokens, null, null, null,
        null, null, null, null, null, null, 0.40, 160_000.0);
  }

  static void writeCoverage(SparkSession spark, TableStore store) {
    List<CoverageRow> rows = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      boolean byteLevel = t < 2; // gpt4o and llama3 are byte-level BPE; gemma3/mistral7b use byte fallback
      for (int l = 0; l < LANGS.length; l++) {
        double hard = PREMIUM[l][t] / 8.0; // expensive languages split more characters
        double split = byteLevel && BYTES_PER_CHAR[l] > 1.5 ? Math.min(0.9, hard) : 0.0;
        double fallback = !byteLevel && BYTES_PER_CHAR[l] > 2.5 ? hard / 2 : 0.0;
        long distinct = Math.round(Math.min(VOCAB[t], 1500 + 900 * PREMIUM[l][t]));
        Double lex = l < 4 ? 0.55 + 0.02 * t : null;
        rows.add(new CoverageRow(TOKENIZERS.get(t), "flores200", LANGS[l], tokens(l, t), 0.0, fallback, split,
            (int) VOCAB[t], distinct, (double) distinct / VOCAB[t], lex, lex == null ? null : lex + 0.2,
            List.of(new CoverageRow.TopToken("▁the", 1200L), new CoverageRow.TopToken(",", 1100L))));
      }
    }
    store.write(RowCodec.of(CoverageRow.class).dataFrame(spark, rows), CoverageRow.TABLE);
  }

  static void writeFairness(SparkSession spark, TableStore store) {
    List<FairnessRow> rows = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      double[] p = new double[LANGS.length];
      double[] tp = new double[LANGS.length];
      int maxAt = 0;
      for (int l = 0; l < LANGS.length; l++) {
        p[l] = PREMIUM[l][t];
        tp[l] = PREMIUM[l][t] / BYTES_FACTOR[l];
        maxAt = p[l] > p[maxAt] ? l : maxAt;
      }
      rows.add(new FairnessRow(TOKENIZERS.get(t), "flores200", LANGS.length, "eng_Latn",
          Arrays.stream(p).average().orElseThrow(), p[maxAt], LANGS[maxAt], gini(p), gini(BYTES_FACTOR), gini(tp)));
    }
    store.write(RowCodec.of(FairnessRow.class).dataFrame(spark, rows), FairnessRow.TABLE);
  }

  /** Σ_i Σ_j |p_i − p_j| / (2 n² mean(p)), as DESIGN.md §3 defines it. */
  static double gini(double[] p) {
    double sum = 0;
    for (double a : p) {
      for (double b : p) {
        sum += Math.abs(a - b);
      }
    }
    double mean = Arrays.stream(p).average().orElseThrow();
    return sum / (2.0 * p.length * p.length * mean);
  }

  static void writeVocab(SparkSession spark, TableStore store) {
    String[] cats = {"word_initial", "inner", "char", "byte", "control"};
    String[] scripts = {"Latn", "Cyrl", "Hani", "Arab", "Deva", "Common"};
    double[][] scriptShare = {{0.62, 0.10, 0.12, 0.05, 0.02, 0.09}, {0.70, 0.08, 0.08, 0.03, 0.02, 0.09},
        {0.48, 0.09, 0.18, 0.07, 0.06, 0.12}, {0.80, 0.05, 0.03, 0.01, 0.01, 0.10}};
    double[] catShare = {0.55, 0.40, 0.04, 0.008, 0.002};
    List<VocabProfileRow> rows = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      for (int c = 0; c < cats.length; c++) {
        for (int s = 0; s < scripts.length; s++) {
          double share = catShare[c] * scriptShare[t][s];
          rows.add(new VocabProfileRow(TOKENIZERS.get(t), cats[c], scripts[s], Math.round(share * VOCAB[t]), share));
        }
      }
    }
    store.write(RowCodec.of(VocabProfileRow.class).dataFrame(spark, rows), VocabProfileRow.TABLE);
  }

  static void writeRetrieval(SparkSession spark, TableStore store) {
    // Chroma's published Precision-Ω for the fixed token window (cl100k, k=5): 200 → 21.0 %, 400 → 12.5 %,
    // 800/400 → 4.7 %; the grid below follows that shape
    double[] omega = {0.210, 0.125, 0.060};
    List<RetrievalRow> rows = new ArrayList<>();
    for (String corpus : List.of("wikitexts", "chatlogs")) {
      int nq = corpus.equals("wikitexts") ? 144 : 56;
      for (String tk : List.of("gpt4o", "llama3")) {
        for (String retriever : List.of("bm25", "minilm")) {
          for (int i = 0; i < SIZES.length; i++) {
            double o = omega[i] * (retriever.equals("bm25") ? 1.0 : 0.97) * (corpus.equals("chatlogs") ? 1.1 : 1)
                * (tk.equals("llama3") ? 0.93 : 1.0);
            double recall = 0.62 + 0.1 * i + (retriever.equals("minilm") ? 0.05 : 0);
            double precision = o * 0.2;
            rows.add(new RetrievalRow(corpus, tk, "fixed", SIZES[i], 0, retriever, 5, "char", nq, recall,
                0.3, precision, 0.05, precision * 0.95, 0.04, o, 0.08, 4000 / SIZES[i] * 100, SIZES[i]));
          }
        }
      }
    }
    store.write(RowCodec.of(RetrievalRow.class).dataFrame(spark, rows), RetrievalRow.TABLE);
  }

  static void writeRejects(SparkSession spark, TableStore store) {
    StructType schema = schema("source:string", "record_no:long", "reason:string", "detail:string",
        "raw_prefix:string");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(RowFactory.create("file:/data/broadcom.txt", (long) i, "invalid_utf8", "byte 0xC3 at 17", "abc"));
    }
    for (int i = 0; i < 5; i++) {
      rows.add(RowFactory.create("file:/data/a.jsonl", 10L + i, "empty_text", "text is empty", ""));
    }
    rows.add(RowFactory.create("file:/data/a.jsonl", 40L, "malformed_json", "line 41 column 3", "{\"te"));
    store.write(spark.createDataFrame(rows, schema), "rejects");
  }

  /** A documents "table" that looks complete but cannot be parsed: reading it would fail the report. */
  static void writeBrokenDocuments(Path output) throws Exception {
    Path docs = output.resolve("documents");
    Files.createDirectories(docs);
    Files.write(docs.resolve("_SUCCESS"), new byte[0]);
    Files.write(docs.resolve("part-00000.parquet"), "not parquet".getBytes(StandardCharsets.UTF_8));
  }

  static StructType schema(String... fields) {
    List<StructField> f = new ArrayList<>();
    for (String s : fields) {
      String[] p = s.split(":");
      f.add(DataTypes.createStructField(p[0], switch (p[1]) {
        case "string" -> DataTypes.StringType;
        case "long" -> DataTypes.LongType;
        case "int" -> DataTypes.IntegerType;
        case "double" -> DataTypes.DoubleType;
        default -> throw new IllegalArgumentException(s);
      }, true));
    }
    return DataTypes.createStructType(f);
  }
}
