package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.metrics.VocabCensus;
import org.tokenometry.udfs.perturb.Perturbations;
import org.tokenometry.udfs.tables.FairnessRow;
import org.tokenometry.udfs.tables.NumbersRow;
import org.tokenometry.udfs.tables.RobustnessRow;
import org.tokenometry.udfs.tables.RoundTripRow;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabProfileRow;
import org.tokenometry.udfs.tables.VocabTokensRow;

/**
 * A report the size of the FLORES-200 run in README.md, from records alone: the 204 FLORES-200 language codes x
 * the 15 tokenizers of conf/flores.yaml. Premiums grow with the script's distance from Latin and the tokenizer's
 * place in the list; the two WordPiece vocabularies (minilm, bge_small_zh) turn 40 % of every non-Latin script
 * into unknown tokens and look cheap there, as in the real run. The health tables at the same size: a premium
 * split per language (non-Latin text takes twice the bytes), round trip (WordPiece loses text, words cannot
 * decode), robustness for the 8 perturbations in every language (24,480 rows), numbers, a vocabulary census.
 */
final class FloresSizedReport {
  static final List<String> TOKENIZERS = List.of("gpt4o", "gpt35turbo", "llama3", "llama2", "mistral7b", "gemma3",
      "gemini", "qwen3", "deepseek_v3", "claude", "minilm", "bge_small_zh", "utf8_bytes", "chars", "words");
  static final List<String> LANGS = Arrays.asList(("ace_Arab ace_Latn acm_Arab acq_Arab aeb_Arab afr_Latn ajp_Arab "
      + "aka_Latn als_Latn amh_Ethi apc_Arab arb_Arab arb_Latn ars_Arab ary_Arab arz_Arab asm_Beng ast_Latn awa_Deva "
      + "ayr_Latn azb_Arab azj_Latn bak_Cyrl bam_Latn ban_Latn bel_Cyrl bem_Latn ben_Beng bho_Deva bjn_Arab bjn_Latn "
      + "bod_Tibt bos_Latn bug_Latn bul_Cyrl cat_Latn ceb_Latn ces_Latn cjk_Latn ckb_Arab crh_Latn cym_Latn dan_Latn "
      + "deu_Latn dik_Latn dyu_Latn dzo_Tibt ell_Grek eng_Latn epo_Latn est_Latn eus_Latn ewe_Latn fao_Latn fij_Latn "
      + "fin_Latn fon_Latn fra_Latn fur_Latn fuv_Latn gaz_Latn gla_Latn gle_Latn glg_Latn grn_Latn guj_Gujr hat_Latn "
      + "hau_Latn heb_Hebr hin_Deva hne_Deva hrv_Latn hun_Latn hye_Armn ibo_Latn ilo_Latn ind_Latn isl_Latn ita_Latn "
      + "jav_Latn jpn_Jpan kab_Latn kac_Latn kam_Latn kan_Knda kas_Arab kas_Deva kat_Geor kaz_Cyrl kbp_Latn kea_Latn "
      + "khk_Cyrl khm_Khmr kik_Latn kin_Latn kir_Cyrl kmb_Latn kmr_Latn knc_Arab knc_Latn kon_Latn kor_Hang lao_Laoo "
      + "lij_Latn lim_Latn lin_Latn lit_Latn lmo_Latn ltg_Latn ltz_Latn lua_Latn lug_Latn luo_Latn lus_Latn lvs_Latn "
      + "mag_Deva mai_Deva mal_Mlym mar_Deva min_Arab min_Latn mkd_Cyrl mlt_Latn mni_Beng mos_Latn mri_Latn mya_Mymr "
      + "nld_Latn nno_Latn nob_Latn npi_Deva nso_Latn nus_Latn nya_Latn oci_Latn ory_Orya pag_Latn pan_Guru pap_Latn "
      + "pbt_Arab pes_Arab plt_Latn pol_Latn por_Latn prs_Arab quy_Latn ron_Latn run_Latn rus_Cyrl sag_Latn san_Deva "
      + "sat_Olck scn_Latn shn_Mymr sin_Sinh slk_Latn slv_Latn smo_Latn sna_Latn snd_Arab som_Latn sot_Latn spa_Latn "
      + "srd_Latn srp_Cyrl ssw_Latn sun_Latn swe_Latn swh_Latn szl_Latn tam_Taml taq_Latn taq_Tfng tat_Cyrl tel_Telu "
      + "tgk_Cyrl tgl_Latn tha_Thai tir_Ethi tpi_Latn tsn_Latn tso_Latn tuk_Latn tum_Latn tur_Latn twi_Latn tzm_Tfng "
      + "uig_Arab ukr_Cyrl umb_Latn urd_Arab uzn_Latn vec_Latn vie_Latn war_Latn wol_Latn xho_Latn ydd_Hebr yor_Latn "
      + "yue_Hant zho_Hans zho_Hant zsm_Latn zul_Latn").split(" "));
  static final String CORPUS = "flores200";
  static final List<String> WORDPIECE = List.of("minilm", "bge_small_zh");

  private FloresSizedReport() {}

  static boolean latin(String lang) {
    return Languages.script(lang).equals("Latn");
  }

  /** Tokens relative to English: 1 for English, more the further the script and the later the tokenizer. */
  static double premium(int lang, int tk) {
    String l = LANGS.get(lang);
    if (l.equals("eng_Latn")) {
      return 1.0;
    }
    if (WORDPIECE.contains(TOKENIZERS.get(tk)) && !latin(l)) {
      return 0.3 + (lang % 5) / 20.0; // unknown tokens swallow whole words
    }
    double script = latin(l) ? 0.2 : 0.8 + (Math.abs(Languages.script(l).hashCode()) % 12) / 2.0;
    return (1 + script) * (0.9 + 0.04 * tk) * (1 + (lang % 7) / 20.0);
  }

  static ReportData data() {
    List<CompressionRow> compression = new ArrayList<>();
    List<CoverageRow> coverage = new ArrayList<>();
    List<FairnessRow> fairness = new ArrayList<>();
    List<VocabProfileRow> vocab = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      String tk = TOKENIZERS.get(t);
      double sum = 0;
      for (int l = 0; l < LANGS.size(); l++) {
        String lang = LANGS.get(l);
        double p = premium(l, t);
        sum += p;
        long bytes = latin(lang) ? 130_000 : 260_000;
        long tokens = Math.round(26_000 * (1 + 0.05 * t) * p);
        compression.add(Rows.split(Rows.compression(tk, CORPUS, "general", lang, 997, bytes, tokens,
            (double) bytes / tokens, (double) bytes / tokens / 2, 1.2 * p, Math.min(0.95, 0.2 * p),
            1 - Math.min(0.95, 0.2 * p), p, p, 0.4, 150_000.0), bytes / 130_000.0, 0.03));
        boolean unknown = WORDPIECE.contains(tk) && !latin(lang);
        coverage.add(Rows.coverage(tk, CORPUS, lang, unknown ? 0.4 : 0, 0, latin(lang) ? 0 : Math.min(0.9, p / 10),
            50_000L, 2_000L, 0.04, null, null));
      }
      fairness.add(new FairnessRow(tk, CORPUS, LANGS.size(), "eng_Latn", sum / LANGS.size(), 12.0, "shn_Mymr",
          0.2 + 0.01 * t, null, null));
      vocab.add(new VocabProfileRow(tk, "word_initial", "Latn", 700, 0.7));
      vocab.add(new VocabProfileRow(tk, "inner", "Hani", 300, 0.3));
    }
    return new ReportData(compression, coverage, fairness, vocab, List.of(), roundtrip(), robustness(), numbers(),
        vocabHealth(), vocabExamples(), Map.of(), List.of("retrieval"));
  }

  static boolean hasVocabulary(String tk) {
    return !tk.equals("chars") && !tk.equals("words");
  }

  static List<RoundTripRow> roundtrip() {
    List<RoundTripRow> rows = new ArrayList<>();
    for (String tk : TOKENIZERS) {
      for (String lang : LANGS) {
        boolean wp = WORDPIECE.contains(tk);
        boolean decodes = !tk.equals("words");
        // claude's NFKC changes a few documents of the scripts with compatibility characters
        double exact = wp ? 0.0 : tk.equals("claude") && !latin(lang) ? 0.97 : 1.0;
        rows.add(Rows.roundtrip(tk, CORPUS, lang, 997, decodes ? exact : null,
            decodes ? (wp ? (latin(lang) ? 0.8 : 0.1) : 1.0) : null, wp ? (latin(lang) ? 0.05 : 0.5) : null,
            wp ? (latin(lang) ? 200 : 900) : 0, decodes ? (wp ? 0.3 : 1.0) : null, wp && !latin(lang) ? 40_000 : 0,
            wp && !latin(lang) ? 0.4 : 0.0));
      }
    }
    return rows;
  }

  /** Perturbation p adds (p + 1) % of tokens, 1 % more per place in the list, twice that outside Latin. */
  static List<RobustnessRow> robustness() {
    List<RobustnessRow> rows = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      for (String lang : LANGS) {
        for (int p = 0; p < Perturbations.NAMES.size(); p++) {
          double extra = (p + 1) / 100.0 * (1 + t / 100.0) * (latin(lang) ? 1 : 2);
          rows.add(Rows.robustness(TOKENIZERS.get(t), CORPUS, lang, Perturbations.NAMES.get(p), 100, 100, 2_000,
              Math.round(2_000 * extra), 2_600, Math.round(2_600 * (1 + extra))));
        }
      }
    }
    return rows;
  }

  static List<NumbersRow> numbers() {
    List<NumbersRow> rows = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      for (String set : NumbersSection.SETS) {
        double three = (t % 3) / 3.0;
        rows.add(new NumbersRow(TOKENIZERS.get(t), set, 1_000, 5_000, 2_000, 1 - three, 0.0, three, 0.0, 0.0,
            0.2 + three / 2, 0.5 + three / 3, 0.3 + three / 2));
      }
    }
    return rows;
  }

  static List<VocabHealthRow> vocabHealth() {
    List<VocabHealthRow> rows = new ArrayList<>();
    for (int t = 0; t < TOKENIZERS.size(); t++) {
      if (hasVocabulary(TOKENIZERS.get(t))) {
        for (int f = 0; f < VocabCensus.FLAGS.size(); f++) {
          long n = 100L * (f + 1) * (t + 1);
          rows.add(new VocabHealthRow(TOKENIZERS.get(t), null, VocabCensus.FLAGS.get(f), n, n / 100_000.0));
        }
      }
    }
    return rows;
  }

  /** Five pieces per class and tokenizer, with text a reader must see escaped. */
  static List<VocabTokensRow> vocabExamples() {
    List<VocabTokensRow> rows = new ArrayList<>();
    for (String tk : TOKENIZERS) {
      if (hasVocabulary(tk)) {
        for (int f = 0; f < VocabCensus.FLAGS.size(); f++) {
          for (int k = 0; k < VocabExamples.PER_CLASS; k++) {
            String text = " <" + VocabCensus.FLAGS.get(f) + k + ">";
            rows.add(new VocabTokensRow(tk, 1000 * f + k, "Ġ" + text.substring(1), text, text.length(), "Latn",
                List.of(VocabCensus.FLAGS.get(f)), 0));
          }
        }
      }
    }
    return rows;
  }
}
