package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabTokensRow;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

class VocabCensusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

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

  private Tokenizer write(ObjectNode root) throws IOException {
    Path f = Files.createTempFile(dir, "tokenizer", ".json");
    Files.writeString(f, JSON.writeValueAsString(root));
    return TokenizerRegistry.open("tiny" + f.getFileName(), TokenizerRegistry.ENGINE_JAVA, f);
  }

  /**
   * Byte-level BPE, GPT-2 pre-tokenizer: ids 0..255 the bytes, then he (256), ll (257), hell (258), hello (259),
   * Ġw (260), é = C3 A9 (261), E2 80 (262, the first two bytes of '’' and others), the special <|x|> (263), and
   * "o " (264, built by a merge across the pre-tokenizer's word boundary, so no text encodes to it).
   */
  private Tokenizer tinyByteLevel() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    ObjectNode vocab = model.putObject("vocab");
    for (int b = 0; b < 256; b++) {
      vocab.put(byteChar(b), b);
    }
    String[][] merges = {{"h", "e"}, {"l", "l"}, {"he", "ll"}, {"hell", "o"}, {"\u0120", "w"},
        {byteChar(0xC3), byteChar(0xA9)}, {byteChar(0xE2), byteChar(0x80)}};
    ArrayNode m = model.putArray("merges");
    int id = 256;
    for (String[] pair : merges) {
      vocab.put(pair[0] + pair[1], id++);
      m.add(pair[0] + " " + pair[1]);
    }
    vocab.put("o\u0120", 264);
    m.add("o \u0120");
    root.putArray("added_tokens").addObject().put("id", 263).put("content", "<|x|>").put("special", true);
    root.putNull("normalizer");
    root.putObject("pre_tokenizer").put("type", "ByteLevel").put("add_prefix_space", false);
    root.putNull("post_processor");
    root.putObject("decoder").put("type", "ByteLevel");
    return write(root);
  }

  private static IdCounts counts(Tokenizer t, String... docs) {
    IdCounts c = new IdCounts();
    for (String d : docs) {
      for (int id : t.encode(d).ids()) {
        c.add(id, 1);
      }
    }
    return c;
  }

  private static Map<String, Long> health(List<VocabHealthRow> rows, String corpus) {
    return rows.stream().filter(r -> java.util.Objects.equals(r.corpus(), corpus))
        .collect(Collectors.toMap(VocabHealthRow::flag, VocabHealthRow::count));
  }

  @Test
  void everyClassOnAHandMadeByteLevelVocabulary() throws IOException {
    Tokenizer t = tinyByteLevel();
    VocabCensus census = VocabCensus.of(t);
    // the corpus "hello hello" encodes to hello, Ġ, hello: 259 twice, 32 (space) once
    Map<String, IdCounts> byCorpus = Map.of("c", counts(t, "hello hello"));
    List<VocabHealthRow> rows = census.healthRows(byCorpus, 2);
    // file classes: <|x|>; the 256 bytes; E2 80; "o " (every other piece re-encodes to itself)
    assertEquals(Map.of("special", 1L, "single_byte", 256L, "partial_utf8", 1L, "unreachable", 1L,
        "subsumed", 7L, "never_emitted", 262L, "rare", 1L), health(rows, null));
    // per corpus: 265 ids, 264 not special, 2 emitted -> 262 never emitted; rare (count 1 < 2): the space;
    // subsumed: never emitted, reachable, inside "hello": h, e, l, o, he, ll, hell
    assertEquals(Map.of("subsumed", 7L, "never_emitted", 262L, "rare", 1L), health(rows, "c"));
    assertEquals(1.0 / 265, rows.get(0).share(), 1e-15);

    Map<Integer, VocabTokensRow> tokens = census.tokenRows(byCorpus, 2).stream()
        .collect(Collectors.toMap(VocabTokensRow::id, r -> r));
    assertEquals(265, tokens.size());
    assertEquals(new VocabTokensRow(t.name(), 264, "o\u0120", "o ", 2, "Latin",
        List.of("unreachable", "never_emitted"), 0), tokens.get(264));
    assertEquals(List.of("partial_utf8", "never_emitted"), tokens.get(262).flags());
    assertEquals("\\xE2\\x80", tokens.get(262).text());
    assertEquals(List.of("special"), tokens.get(263).flags());
    assertEquals(List.of("single_byte", "rare"), tokens.get(32).flags());
    assertEquals(1, tokens.get(32).count());
    assertEquals(List.of("subsumed", "never_emitted"), tokens.get(258).flags()); // "hell"
    assertEquals(List.of("single_byte", "subsumed", "never_emitted"), tokens.get((int) 'h').flags());
    assertEquals(List.of(), tokens.get(259).flags()); // "hello", emitted twice
    assertEquals("\\u000A", tokens.get(10).text()); // a newline is written as an escape
    assertEquals(List.of("single_byte", "never_emitted"), tokens.get(0xC3).flags()); // not text: not tested
    assertEquals("\\xC3", tokens.get(0xC3).text());
    assertEquals("\u00E9", tokens.get(261).text());
  }

  /** WordPiece, lower-casing: [UNK] (0, special), a, ab, ##b, ##c, q, ##q, B, ##B. */
  private Tokenizer tinyWordPiece() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode model = root.putObject("model");
    model.put("type", "WordPiece").put("unk_token", "[UNK]").put("continuing_subword_prefix", "##")
        .put("max_input_chars_per_word", 100);
    ObjectNode vocab = model.putObject("vocab");
    String[] pieces = {"[UNK]", "a", "ab", "##b", "##c", "q", "##q", "B", "##B"};
    for (int i = 0; i < pieces.length; i++) {
      vocab.put(pieces[i], i);
    }
    root.putArray("added_tokens").addObject().put("id", 0).put("content", "[UNK]").put("special", true);
    root.putObject("normalizer").put("type", "BertNormalizer").put("lowercase", true);
    root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
    root.putNull("post_processor");
    root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
    return write(root);
  }

  @Test
  void continuationPiecesAreTestedAfterALetterThatIsAPieceOfItsOwn() throws IOException {
    // "a" starts the longer "ab", so the context letter is "q": "qb" -> q ##b, "qc" -> q ##c, "qq" -> q ##q.
    // "B" and "##B" are lower-cased away: "B" -> [UNK] (no "b"), "qB" -> q ##b.
    Tokenizer t = tinyWordPiece();
    Map<Integer, VocabTokensRow> tokens = VocabCensus.of(t).tokenRows(Map.of("c", counts(t, "ab q")), 2).stream()
        .collect(Collectors.toMap(VocabTokensRow::id, r -> r));
    assertEquals(List.of("single_byte", "unreachable", "never_emitted"), tokens.get(7).flags());
    assertEquals(List.of("single_byte", "unreachable", "never_emitted"), tokens.get(8).flags());
    for (int id : new int[] {4, 6}) { // ##c ##q: one byte once the prefix is off, reachable
      assertEquals(List.of("single_byte", "never_emitted"), tokens.get(id).flags(), "id " + id);
      assertEquals(1, tokens.get(id).nBytes());
    }
    // ##b is reachable and never emitted, and its byte "b" is inside the emitted "ab" (q is as long as ##q: no)
    assertEquals(List.of("single_byte", "subsumed", "never_emitted"), tokens.get(3).flags());
    assertEquals(List.of("special", "never_emitted"), tokens.get(0).flags()); // [UNK] is counted by the pass
    assertEquals(List.of("single_byte", "subsumed", "never_emitted"), tokens.get(1).flags()); // "a" inside "ab"
  }

  @Test
  void realVocabularies() {
    // GPT-2: the 256 byte pieces, one special token, and every piece re-encodes to itself
    Tokenizer gpt2 = TokenizerRegistry.open("gpt2", TokenizerRegistry.ENGINE_JAVA, ReferenceData.tokenizer("gpt2"));
    List<VocabHealthRow> rows = VocabCensus.of(gpt2).healthRows(Map.of(), VocabCensus.DEFAULT_RARE_TOKEN_COUNT);
    Map<String, Long> file = health(rows, null);
    assertEquals(256, file.get("single_byte"));
    assertEquals(1, file.get("special"));
    assertEquals(0, file.get("unreachable"));
    assertEquals(50256, file.get("never_emitted")); // no corpus: every non-special id
    // o200k: "亚洲AV" (193819) is a piece its own pre-tokenizer never produces (CJK and Latin are split)
    Tokenizer gpt4o = TokenizerRegistry.open("gpt4o", TokenizerRegistry.ENGINE_JAVA, ReferenceData.tokenizer("gpt4o"));
    VocabCensus o200k = VocabCensus.of(gpt4o);
    Map<Integer, VocabTokensRow> tokens = o200k.tokenRows(Map.of(), 5).stream()
        .collect(Collectors.toMap(VocabTokensRow::id, r -> r));
    assertTrue(tokens.get(193819).flags().contains("unreachable"));
    assertEquals(List.of("special"), tokens.get(199999).flags()); // <|endoftext|>
    // Llama 2 puts a space before every text: pieces are tested after « (Magikarp's context), so a piece that
    // continues a word ("ing", 292) is reachable, while <0x41> is not ("A" has its own piece)
    Tokenizer llama2 = TokenizerRegistry.open("llama2", TokenizerRegistry.ENGINE_JAVA,
        ReferenceData.tokenizer("llama2"));
    Map<Integer, VocabTokensRow> sp = VocabCensus.of(llama2).tokenRows(Map.of(), 5).stream()
        .collect(Collectors.toMap(VocabTokensRow::id, r -> r));
    assertEquals("ing", sp.get(292).piece());
    assertFalse(sp.get(292).flags().contains("unreachable"));
    assertTrue(sp.get(3 + 0x41).flags().contains("unreachable"));
    Tokenizer mistral = TokenizerRegistry.open("mistral7b", TokenizerRegistry.ENGINE_JAVA,
        ReferenceData.tokenizer("mistral7b"));
    VocabTokensRow ing = VocabCensus.of(mistral).tokenRows(Map.of(), 5).stream()
        .filter(r -> r.piece().equals("ing")).findFirst().orElseThrow();
    assertFalse(ing.flags().contains("unreachable"), ing.toString());
    // <unk> is special and counted by the pass like any piece (here there is no corpus: never emitted); <s> is not
    assertEquals(List.of("special", "never_emitted"), sp.get(0).flags());
    assertEquals(List.of("special"), sp.get(1).flags());
  }

  @Test
  void theBytesBaselineIsAllSingleBytesAndReachable() {
    // utf8_bytes: ids 0..255 are <0xNN>; the 128 ASCII ones encode back to themselves, the others are not text
    Map<String, Long> file = health(VocabCensus.of(new org.tokenometry.udfs.tokenizers.Utf8BytesTokenizer())
        .healthRows(Map.of(), 5), null);
    assertEquals(256, file.get("single_byte"));
    assertEquals(0, file.get("unreachable"));
    assertEquals(0, file.get("special"));
    assertFalse(VocabCensus.applies(new org.tokenometry.udfs.tokenizers.CharsTokenizer()));
  }
}
