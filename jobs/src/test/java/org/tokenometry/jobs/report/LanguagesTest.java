package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LanguagesTest {
  @Test
  void scriptComesFromTheFloresCode() {
    assertEquals("Deva", Languages.script("hin_Deva"));
    assertEquals("Zyyy", Languages.script("und"));
    assertEquals("Zyyy", Languages.script(null));
  }

  @Test
  void labelsNameTheScriptOnce() {
    assertEquals("Devanagari (Deva)", Languages.scriptLabel("Deva"));
    assertEquals("Thai", Languages.scriptLabel("Thai"));
    assertEquals("Common: digits, punctuation", Languages.scriptLabel("Common"));
    assertEquals("Xyzw", Languages.scriptLabel("Xyzw"));
    // FLORES-200 scripts outside our own list are named by ICU
    assertEquals("Gujarati (Gujr)", Languages.scriptLabel("Gujr"));
    assertEquals("Ol Chiki (Olck)", Languages.scriptLabel("Olck"));
    assertEquals("Tifinagh (Tfng)", Languages.scriptLabel("Tfng"));
  }

  @Test
  void latinFirstThenByScriptThenByCode() {
    List<String> sorted = Stream.of("zho_Hans", "hin_Deva", "fra_Latn", "eng_Latn", "arb_Arab")
        .sorted(Languages.BY_SCRIPT).toList();
    assertEquals(List.of("eng_Latn", "fra_Latn", "arb_Arab", "hin_Deva", "zho_Hans"), sorted);
  }

  @Test
  void namesComeFromIcu() {
    assertEquals("Hindi (Devanagari)", Languages.name("hin_Deva"));
    assertEquals("Chinese (Simplified)", Languages.name("zho_Hans"));
    assertEquals("Dari (Arabic)", Languages.name("prs_Arab"));
    assertEquals("Hindi", Languages.language("hin_Deva"));
    assertEquals("hin_Deva Hindi", Languages.shortLabel("hin_Deva"));
    assertEquals("hin_Deva Hindi (Devanagari)", Languages.label("hin_Deva"));
    // ICU has no name for Mesopotamian Arabic or a made-up code: no name, never the code dressed up as one
    assertEquals(null, Languages.name("acm_Arab"));
    assertEquals(null, Languages.name("x001_Latn"));
    assertEquals("acm_Arab", Languages.label("acm_Arab"));
    assertEquals(null, Languages.name(null));
  }
}
