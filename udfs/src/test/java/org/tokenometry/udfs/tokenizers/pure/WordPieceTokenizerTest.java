package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.HfTokenizer;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * The WordPiece engine on the real all-MiniLM (uncased) and bge-small-zh (cased) files: hand-worked cases,
 * then every code point and every BertNormalizer flag combination against the reference engine.
 */
class WordPieceTokenizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WordPieceTokenizer minilm;
  private static HfTokenizer minilmRef;

  @TempDir
  Path dir;

  @BeforeAll
  static void load() {
    minilm = WordPieceTokenizer.load("minilm", ReferenceData.tokenizer("minilm"));
    minilmRef = HfTokenizer.load("minilm", ReferenceData.tokenizer("minilm"));
  }

  @AfterAll
  static void close() {
    minilmRef.close();
  }

  /** Asserts ids, starts and ends, and that the reference engine agrees to the flag. */
  private static void assertEncodes(String text, int[] ids, int[] starts, int[] ends) {
    Encoding e = minilm.encode(text);
    assertArrayEquals(ids, e.ids(), text);
    assertArrayEquals(starts, e.starts(), text);
    assertArrayEquals(ends, e.ends(), text);
    assertNull(EngineParity.diff(minilmRef, minilm, text));
  }

  @Test
  void lowercasesStripsAccentsAndSplitsPunctuation() {
    // "Café!" → "cafe" (7668) "!" (999); the accent goes but é keeps its one original character
    assertEncodes("Café!", new int[] {7668, 999}, new int[] {0, 4}, new int[] {4, 5});
    // a decomposed é: the combining acute (U+0301) is stripped, so "cafe" ends before it, at 4
    assertEncodes("Cafe\u0301 x", new int[] {7668, 1060}, new int[] {0, 6}, new int[] {4, 7});
  }

  @Test
  void dottedCapitalIAndSigmaFollowRustNotJavaStringLowercasing() {
    // İ (U+0130) → NFD "I\u0307" → mark stripped → "i": "istanbul" (9960) over all 8 original chars
    assertEncodes("İstanbul", new int[] {9960}, new int[] {0}, new int[] {8});
    // Rust lowercases Σ to σ even word-finally (Java's String.toLowerCase would give ς): ο (1169) ##σ (29733)
    assertEncodes("ΟΣ", new int[] {1169, 29733}, new int[] {0, 1}, new int[] {1, 2});
  }

  @Test
  void padsCjkIdeographsIntoWordsOfTheirOwn() {
    // 中 (1746) 文 (1861), no space between them in the input
    assertEncodes("中文", new int[] {1746, 1861}, new int[] {0, 1}, new int[] {1, 2});
  }

  @Test
  void aWordWithAnUnmatchedPartIsOneUnknownToken() {
    // 😀 has no piece: "a😀b" is [UNK] (100) over all four UTF-16 units, flagged UNKNOWN
    assertEncodes("a\uD83D\uDE00b hi", new int[] {100, 7632}, new int[] {0, 5}, new int[] {4, 7});
    assertEquals(Encoding.UNKNOWN, minilm.encode("a\uD83D\uDE00b").flags()[0]);
  }

  @Test
  void aWordOverOneHundredCodePointsIsUnknown() {
    String a100 = "a".repeat(100);
    assertNotEquals(100, minilm.encode(a100).ids()[0]); // 100 code points: still split into pieces
    assertNull(EngineParity.diff(minilmRef, minilm, a100));
    assertEncodes(a100 + "a.", new int[] {100, 1012}, new int[] {0, 101}, new int[] {101, 102});
  }

  @Test
  void removesControlAndFormatCharactersAndNul() {
    // NUL and ZERO WIDTH SPACE (Cf) are removed, the tab is a space: "abc" (5925) over [0,5), "d" (1040)
    assertEncodes("a\u0000b\u200Bc\td", new int[] {5925, 1040}, new int[] {0, 6}, new int[] {5, 7});
  }

  @Test
  void cutsOutAddedTokensBeforeNormalizing() {
    Encoding e = minilm.encode("[CLS] hi [UNK]");
    assertArrayEquals(new int[] {101, 7632, 100}, e.ids());
    assertArrayEquals(new byte[] {Encoding.SPECIAL, 0, Encoding.UNKNOWN}, e.flags());
    assertNull(EngineParity.diff(minilmRef, minilm, "[CLS] hi [UNK]"));
  }

  @Test
  void matchesTheReferenceEngineOnAssortedText() {
    for (String t : samples()) {
      assertNull(EngineParity.diff(minilmRef, minilm, t), t);
    }
  }

  /**
   * Every code point (but for the empty planes 4 to 13), alone and inside a word, against the reference
   * engine: this checks the Cc/Cf/Co, Mn, punctuation, whitespace and CJK tables and the NFD and lowercase
   * mappings as far as ids can show them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"minilm", "bge_small_zh"})
  void everyCodePointMatchesTheReferenceEngine(String name) {
    Tokenizer java = WordPieceTokenizer.load(name, ReferenceData.tokenizer(name));
    List<String> bad = new ArrayList<>();
    try (HfTokenizer ref = HfTokenizer.load(name, ReferenceData.tokenizer(name))) {
      for (int from = 0; from <= Character.MAX_CODE_POINT; from += 256) {
        if (from == 0x40000) {
          from = 0xE0000; // planes 4 to 13 have no characters
        }
        StringBuilder sb = new StringBuilder();
        for (int cp = from; cp < from + 256; cp++) {
          if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
            sb.append('x').appendCodePoint(cp).append("b ").appendCodePoint(cp).append(' ');
          }
        }
        String d = EngineParity.diff(ref, java, sb.toString());
        if (d != null && bad.size() < 20) {
          bad.add(String.format("U+%04X..: %s", from, d));
        }
      }
    }
    assertEquals(List.of(), bad);
  }

  /** All 16 combinations of the BertNormalizer flags, on the minilm vocabulary, against the reference engine. */
  @Test
  void everyNormalizerFlagCombinationMatchesTheReferenceEngine() throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(ReferenceData.tokenizer("minilm").toFile());
    for (int flags = 0; flags < 16; flags++) {
      ObjectNode n = root.putObject("normalizer").put("type", "BertNormalizer");
      n.put("clean_text", (flags & 1) != 0).put("handle_chinese_chars", (flags & 2) != 0)
          .put("strip_accents", (flags & 4) != 0).put("lowercase", (flags & 8) != 0);
      Path f = dir.resolve("wp" + flags + ".json");
      Files.writeString(f, JSON.writeValueAsString(root));
      Tokenizer java = WordPieceTokenizer.load("wp" + flags, f);
      try (HfTokenizer ref = HfTokenizer.load("wp" + flags, f)) {
        for (String t : samples()) {
          assertNull(EngineParity.diff(ref, java, t), n + ": " + t);
        }
      }
    }
  }

  @Test
  void refusesWhatItCannotReproduce() throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(ReferenceData.tokenizer("minilm").toFile());
    root.putObject("pre_tokenizer").put("type", "Whitespace");
    Path f = dir.resolve("ws.json");
    Files.writeString(f, JSON.writeValueAsString(root));
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> WordPieceTokenizer.load("ws", f));
    assertTrue(e.getMessage().contains("pre_tokenizer Whitespace with WordPiece"), e.getMessage());
    root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
    root.putObject("normalizer").put("type", "NFC");
    Files.writeString(f, JSON.writeValueAsString(root));
    e = assertThrows(UnsupportedOperationException.class, () -> WordPieceTokenizer.load("nfc", f));
    assertTrue(e.getMessage().contains("normalizer NFC with WordPiece"), e.getMessage());
    // JavaEngines names all three engines' reasons
    e = assertThrows(UnsupportedOperationException.class, () -> JavaEngines.load("nfc", f));
    assertTrue(e.getMessage().contains("WordPiece: tokenizer 'nfc'"), e.getMessage());
  }

  private static List<String> samples() {
    return List.of("Hello, World! It's 3:45pm -- isn't it?", "Héllo wörld, ÇA VA? Ærøskøbing straße",
        "ΟΔΥΣΣΕΥΣ και η Πηνελόπη. ΣΟΦΊΑ", "İstanbul'da IŞIK ılık", "北京是中国的首都。我爱你！",
        "日本語のテキスト、カタカナとひらがな。", "한국어 문장입니다.", "مرحبا بالعالم، كيف حالك؟",
        "नमस्ते दुनिया। क्या हाल है?", "Привет, мир! ЁЖИК", "tab\there\r\nnew\u000bline\u0085x\u00a0y\u3000z",
        "zero\u200bwidth\u200cnon\u200djoiner\ufeffbom\u00adsoft", "emoji 😀👍🏽 family 👨‍👩‍👧", "a\u0000b\ufffdc",
        "ﬁ ligature ＦＵＬＬ width ①②", "x\u0301\u0323y ǅ ῼ ﹏ \u1FEF", "𠀀𠀁 𝒜𝒷 𐐀𐐨 lone",
        "a".repeat(99) + " " + "b".repeat(101), "[CLS]x[SEP] [MASK]ed [PAD]", "ภาษาไทย ไม่มีช่องว่าง",
        "Tiếng Việt có dấu", "ⅣⅫ Ⅻ ǈ Kelvin \u212A");
  }
}
