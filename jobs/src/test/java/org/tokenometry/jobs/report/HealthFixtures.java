package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.ReportFixtures.LANGS;
import static org.tokenometry.jobs.report.ReportFixtures.TOKENIZERS;
import static org.tokenometry.jobs.report.ReportFixtures.VOCAB;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.udfs.metrics.VocabCensus;
import org.tokenometry.udfs.perturb.Perturbations;
import org.tokenometry.udfs.tables.NumbersRow;
import org.tokenometry.udfs.tables.RobustnessRow;
import org.tokenometry.udfs.tables.RoundTripRow;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabTokensRow;

/**
 * The tokenizer-health tables of the report's fixture ({@link ReportFixtures}: four tokenizers, FLORES-style
 * languages, two domain corpora), with values shaped like real runs: byte-level BPE gives every document back,
 * mistral7b loses a tenth of the Amharic and Thai documents; perturbations only touch the scripts they apply to;
 * gemma3 and mistral7b cut numbers into single digits; every census class with {@value #PIECES_PER_CLASS} pieces
 * per tokenizer of known lengths, so the census examples are known.
 */
final class HealthFixtures {
  static final int PIECES_PER_CLASS = 7;
  /** Extra tokens per perturbation (in the order of {@link Perturbations#NAMES}) for gpt4o; more for later ones. */
  static final double[] INFLATION = {0.30, 0.05, 0.08, 0.10, 0.12, 0.02, 0.06, 0.03};
  /** Census counts [tokenizer][class in {@link VocabCensus#FLAGS} order], over every corpus together. */
  static final long[][] CENSUS = {{2, 256, 1_200, 800, 2_000, 120_000, 30_000}, {256, 256, 900, 700, 1_500, 70_000,
      20_000}, {6, 300, 0, 3_000, 3_000, 180_000, 40_000}, {3, 300, 0, 150, 300, 8_000, 6_000}};

  private HealthFixtures() {}

  static void write(SparkSession spark, TableStore store) {
    store.write(RowCodec.of(RoundTripRow.class).dataFrame(spark, roundtrip()), RoundTripRow.TABLE);
    store.write(RowCodec.of(RobustnessRow.class).dataFrame(spark, robustness()), RobustnessRow.TABLE);
    store.write(RowCodec.of(NumbersRow.class).dataFrame(spark, numbers()), NumbersRow.TABLE);
    store.write(RowCodec.of(VocabHealthRow.class).dataFrame(spark, vocabHealth()), VocabHealthRow.TABLE);
    store.write(RowCodec.of(VocabTokensRow.class).dataFrame(spark, vocabTokens()), VocabTokensRow.TABLE);
  }

  /** True for mistral7b on Amharic and Thai: 897 of 997 documents come back, 2 % CER on the other 100. */
  static boolean lossy(int t, int l) {
    return TOKENIZERS.get(t).equals("mistral7b") && (LANGS[l].equals("amh_Ethi") || LANGS[l].equals("tha_Thai"));
  }

  static List<RoundTripRow> roundtrip() {
    List<RoundTripRow> rows = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      String tk = TOKENIZERS.get(t);
      for (int l = 0; l < LANGS.length; l++) {
        boolean lost = lossy(t, l);
        rows.add(Rows.roundtrip(tk, "flores200", LANGS[l], 997, lost ? 897 / 997.0 : 1.0, lost ? 897 / 997.0 : 1.0,
            lost ? 0.02 : null, lost ? 100 : 0, 1.0, lost ? 250 : 0, lost ? 0.002 : 0.0));
      }
      rows.add(Rows.roundtrip(tk, "finance10k", "eng_Latn", 10, 1.0, 1.0, null, 0, 1.0, 0, 0.0));
      rows.add(Rows.roundtrip(tk, "pubmed", "eng_Latn", 10, 1.0, 1.0, null, 0, 1.0, 0, 0.0));
    }
    return rows;
  }

  /** Whether a perturbation changes text in a script: case needs a cased script, typos ASCII, look-alikes L/C/G. */
  static boolean applies(String perturbation, String script) {
    boolean cased = List.of("Latn", "Cyrl", "Grek").contains(script);
    return switch (perturbation) {
      case "upper", "title", "homoglyphs" -> cased;
      case "typos" -> script.equals("Latn");
      default -> true;
    };
  }

  /** 100 sampled documents per FLORES language: a tenth of its tokens, 2,100 words. */
  static List<RobustnessRow> robustness() {
    List<RobustnessRow> rows = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      for (int l = 0; l < LANGS.length; l++) {
        long tokens = Math.round(ReportFixtures.tokens(l, t) / 10.0);
        for (int p = 0; p < Perturbations.NAMES.size(); p++) {
          String name = Perturbations.NAMES.get(p);
          boolean on = applies(name, Languages.script(LANGS[l]));
          long perturbed = on ? Math.round(tokens * (1 + INFLATION[p] * (1 + 0.25 * t))) : tokens;
          rows.add(Rows.robustness(TOKENIZERS.get(t), "flores200", LANGS[l], name, 100, on ? 100 : 0, 2_100,
              on ? Math.round(2_100 * INFLATION[p] * 2) : 0, tokens, perturbed));
        }
      }
    }
    return rows;
  }

  /** gpt4o and llama3 cut digits in threes from the left (as cl100k); gemma3 and mistral7b into single digits. */
  static List<NumbersRow> numbers() {
    List<NumbersRow> rows = new ArrayList<>();
    for (String tk : TOKENIZERS) {
      if (tk.equals("gpt4o") || tk.equals("llama3")) {
        rows.add(new NumbersRow(tk, "corpus", 5_000, 14_000, 7_000, 0.45, 0.15, 0.40, 0.0, 0.2, 0.7, 0.8, 0.7467));
        rows.add(new NumbersRow(tk, "generated_integers", 1_200, 7_800, 3_000, 4 / 30.0, 4 / 30.0, 22 / 30.0, 0.0,
            0.0, 1 / 3.0, 1 / 3.0, 1 / 3.0));
        rows.add(new NumbersRow(tk, "generated_grouped", 3_000, 7_800, 3_000, 0.1, 0.1, 0.8, 0.0, 0.0, null, null,
            null));
        rows.add(new NumbersRow(tk, "generated_decimals", 2_400, 10_800, 4_100, 0.2, 0.15, 0.65, 0.0, 0.0, 0.4,
            0.35, 0.3733));
      } else {
        rows.add(new NumbersRow(tk, "corpus", 5_000, 14_000, 14_000, 1.0, 0.0, 0.0, 0.0, 0.0, 0.25, 1.0, 0.4));
        rows.add(new NumbersRow(tk, "generated_integers", 1_200, 7_800, 7_800, 1.0, 0.0, 0.0, 0.0, 0.0, 18 / 66.0,
            1.0, 3 / 7.0));
        rows.add(new NumbersRow(tk, "generated_grouped", 3_000, 7_800, 7_800, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, null,
            0.0));
        rows.add(new NumbersRow(tk, "generated_decimals", 2_400, 10_800, 10_800, 1.0, 0.0, 0.0, 0.0, 0.0, 0.2, 1.0,
            0.3333));
      }
    }
    return rows;
  }

  /** {@link #CENSUS} over every corpus (corpus null); the corpus classes also per corpus, more on a smaller one. */
  static List<VocabHealthRow> vocabHealth() {
    List<VocabHealthRow> rows = new ArrayList<>();
    List<String> flags = VocabCensus.FLAGS;
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      for (int f = 0; f < flags.size(); f++) {
        rows.add(new VocabHealthRow(TOKENIZERS.get(t), null, flags.get(f), CENSUS[t][f],
            (double) CENSUS[t][f] / VOCAB[t]));
      }
      String[] corpora = {"flores200", "finance10k", "pubmed"};
      double[] more = {1.05, 1.4, 1.5};
      for (int c = 0; c < corpora.length; c++) {
        for (int f = 4; f < flags.size(); f++) {
          long n = Math.min(VOCAB[t], Math.round(CENSUS[t][f] * more[c]));
          rows.add(new VocabHealthRow(TOKENIZERS.get(t), corpora[c], flags.get(f), n, (double) n / VOCAB[t]));
        }
      }
    }
    return rows;
  }

  /** Bytes of the k-th piece of a class: 3, 8, 6, 4, 9, 7, 5; the five longest are k = 4, 1, 5, 2, 6. */
  static int pieceBytes(int k) {
    return 3 + (k * 5) % 7;
  }

  /**
   * {@value #PIECES_PER_CLASS} pieces per tokenizer and class, id 1000 x class + k, text a space and letters; the
   * never-emitted ones are also subsumed (a piece in two classes).
   */
  static List<VocabTokensRow> vocabTokens() {
    List<VocabTokensRow> rows = new ArrayList<>();
    List<String> flags = VocabCensus.FLAGS;
    for (String tk : TOKENIZERS) {
      for (int f = 0; f < flags.size(); f++) {
        if (flags.get(f).equals(VocabCensus.SUBSUMED)) {
          continue;
        }
        for (int k = 0; k < PIECES_PER_CLASS; k++) {
          int n = pieceBytes(k);
          String text = " " + "abcdefghij".substring(0, n - 1);
          List<String> classes = flags.get(f).equals(VocabCensus.NEVER_EMITTED)
              ? List.of(VocabCensus.SUBSUMED, VocabCensus.NEVER_EMITTED) : List.of(flags.get(f));
          rows.add(new VocabTokensRow(tk, 1000 * f + k, "Ġ" + text.substring(1), text, n, "Latn", classes,
              flags.get(f).equals(VocabCensus.RARE) ? 2 : 0));
        }
      }
    }
    return rows;
  }
}
