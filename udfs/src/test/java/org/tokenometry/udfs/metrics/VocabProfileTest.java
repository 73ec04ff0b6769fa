package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;
import org.tokenometry.udfs.tokenizers.Vocabulary;

class VocabProfileTest {
  @Test
  void categoriesAndScriptsOfByteLevelPieces() {
    String[] pieces = {
        "<|endoftext|>", // control (special)
        "\u00F0",        // byte F0 alone: byte
        "\u00F0\u0141",  // F0 9F: the start of an emoji, partial_utf8
        "\u0120the",     // " the": word_initial, Latin
        "the",           // inner, Latin
        "a",             // char, Latin
        "\u00C3\u00A9",  // C3 A9 = "é": char, Latin
        "\u0120123",     // " 123": word_initial, Common (no letters)
        "\u00D0\u0141\u00D1\u0122", // D0 9F D1 80 = "Пр": inner, Cyrillic
        "a\u00D0\u0141", // "aП": inner, Mixed
    };
    boolean[] special = new boolean[pieces.length];
    special[0] = true;
    Vocabulary v = new Vocabulary(pieces, special, Vocabulary.Marker.BYTE_LEVEL_SPACE);
    String[] expected = {"control/Common", "byte/Common", "partial_utf8/Common", "word_initial/Latin",
        "inner/Latin", "char/Latin", "char/Latin", "word_initial/Common", "inner/Cyrillic", "inner/Mixed"};
    for (int id = 0; id < pieces.length; id++) {
      String c = VocabProfile.category(v, id);
      assertEquals(expected[id], c + "/" + VocabProfile.script(v, id, c), "piece " + id);
    }
    List<VocabProfile.Row> rows = VocabProfile.of(v);
    VocabProfile.Row charLatin = rows.stream().filter(r -> r.category().equals("char")).findFirst().orElseThrow();
    assertEquals(2, charLatin.count());
    assertEquals(0.2, charLatin.share(), 1e-12);
  }

  @Test
  void sentencePieceAndWordPieceMarkers() {
    Vocabulary sp = new Vocabulary(new String[] {"<0x41>", "\u2581the", "ing"}, new boolean[3],
        Vocabulary.Marker.METASPACE);
    assertEquals("byte", VocabProfile.category(sp, 0));
    assertEquals("word_initial", VocabProfile.category(sp, 1));
    assertEquals("inner", VocabProfile.category(sp, 2));
    Vocabulary wp = new Vocabulary(new String[] {"play", "##ing", "##s"}, new boolean[3],
        Vocabulary.Marker.WORDPIECE_CONTINUATION);
    assertEquals("word_initial", VocabProfile.category(wp, 0));
    assertEquals("inner", VocabProfile.category(wp, 1));
    assertEquals("inner", VocabProfile.category(wp, 2));
  }

  @Test
  void realVocabularies() {
    // Mistral-7B: 32000 pieces; <unk> <s> </s> are control; <0x00>..<0xFF> are the 256 byte pieces
    Vocabulary mistral = TokenizerRegistry.open("mistral7b", "hf", ReferenceData.tokenizer("mistral7b"))
        .vocabulary();
    Map<String, Long> byCat = VocabProfile.of(mistral).stream()
        .collect(Collectors.groupingBy(VocabProfile.Row::category, Collectors.summingLong(VocabProfile.Row::count)));
    assertEquals(3, byCat.get("control"));
    assertEquals(256, byCat.get("byte"));
    assertEquals(32000, byCat.values().stream().mapToLong(Long::longValue).sum());
    // cl100k: the 128 single bytes 0x80..0xFF are byte pieces (the other 128 single bytes are ASCII chars)
    Vocabulary cl100k = TokenizerRegistry.open("gpt35turbo", "hf", ReferenceData.tokenizer("gpt35turbo"))
        .vocabulary();
    long bytes = VocabProfile.of(cl100k).stream().filter(r -> r.category().equals("byte"))
        .mapToLong(VocabProfile.Row::count).sum();
    assertEquals(128, bytes);
  }
}
