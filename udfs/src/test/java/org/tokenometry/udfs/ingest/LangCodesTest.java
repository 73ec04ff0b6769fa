package org.tokenometry.udfs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LangCodesTest {
  @Test
  void floresCodeFromFileName() {
    assertEquals(Optional.of("eng_Latn"), LangCodes.fromFileName("/data/flores200/dev/eng_Latn.dev"));
    assertEquals(Optional.of("zho_Hans"), LangCodes.fromFileName("hdfs://nn/x/zho_Hans.devtest.gz"));
    assertEquals(Optional.of("hin_Deva"), LangCodes.fromFileName("wiki-hin_Deva.jsonl"));
    // the folder does not count, only the file name
    assertEquals(Optional.empty(), LangCodes.fromFileName("/eng_Latn/readme.txt"));
    assertEquals(Optional.empty(), LangCodes.fromFileName("notes.txt"));
    // glued to other letters: not a code
    assertEquals(Optional.empty(), LangCodes.fromFileName("xeng_Latnx.txt"));
  }

  @Test
  void splitIsTheNameWithoutTheCode() {
    assertEquals("dev", LangCodes.split("file:/data/flores200/dev/eng_Latn.dev"));
    assertEquals("devtest", LangCodes.split("zho_Hans.devtest.gz"));
    assertEquals("wiki.jsonl", LangCodes.split("wiki-hin_Deva.jsonl"));
    assertEquals("notes.txt", LangCodes.split("/a/notes.txt"));
  }

  @Test
  void plausibleCodesAreFloresOrBcp47Shaped() {
    for (String ok : List.of("eng_Latn", "zho_Hans", "en", "eng", "pt-BR", "zh-Hant-TW", "und", "EN")) {
      assertTrue(LangCodes.isPlausible(ok), ok);
    }
    for (String bad : List.of("", " world", "eng_Latn ", "The cat", "e", "english", "en-", "42", "en_US_x_y_z")) {
      assertFalse(LangCodes.isPlausible(bad), bad);
    }
    assertFalse(LangCodes.isPlausible(null));
  }
}
