package org.tokenometry.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;

/**
 * The word lists of conf/lexicons.yaml as scripts/fetch-lexicons left them in the cache (scripts/test
 * --reference runs it first; offline once cached): each present with the registry's sha256, in the promised
 * form, holding words of its language; and conf/flores.yaml resolving its lexicons through them.
 */
@Tag("reference")
class LexiconCacheTest {
  static final Path ROOT = ReferenceData.projectRoot();
  static final LexiconRegistry REGISTRY = LexiconRegistry.load(ROOT.resolve("conf/lexicons.yaml"));

  @Test
  void everyRegisteredListIsFetchedWithItsSha256() {
    assertTrue(REGISTRY.entries().size() >= 16, REGISTRY.entries().keySet().toString());
    for (LexiconRegistry.Entry e : REGISTRY.entries().values()) {
      // throws with the fix (run scripts/fetch-lexicons) when missing or different
      assertEquals(REGISTRY.cachedFile(e.name()), REGISTRY.resolve("conf/lexicons.yaml " + e.name(), e.lang(),
          e.name()));
    }
  }

  @Test
  void listsAreUtf8OneDistinctWordALineSortedBytewise() throws Exception {
    for (String name : REGISTRY.entries().keySet()) {
      byte[] all = Files.readAllBytes(REGISTRY.cachedFile(name));
      try {
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(all));
      } catch (CharacterCodingException e) {
        fail(name + ": not UTF-8");
      }
      byte[] previous = null;
      int start = 0;
      for (int i = 0; i < all.length; i++) {
        if (all[i] != '\n') {
          continue;
        }
        byte[] word = Arrays.copyOfRange(all, start, i);
        assertTrue(word.length > 0 && word[word.length - 1] != '\r', name + ": empty line or CR at byte " + start);
        assertTrue(previous == null || Arrays.compareUnsigned(previous, word) < 0,
            name + ": not sorted and distinct at " + new String(word, StandardCharsets.UTF_8));
        previous = word;
        start = i + 1;
      }
      assertEquals(all.length, start, name + ": the last line has no newline");
    }
  }

  @Test
  void listsHoldTheirLanguagesWords() throws Exception {
    // Turkish: suffixed forms exist only through the Hunspell expansion (stems: ev, kitap, git)
    Set<String> tr = Set.copyOf(Files.readAllLines(REGISTRY.cachedFile("turkish")));
    assertEquals(1_352_667, tr.size());
    assertTrue(tr.containsAll(Set.of("ev", "evlerinizden", "kitaplarımızdan", "gidiyorum", "İstanbul'da")));
    // shipped in ISO-8859-1: decoded, not mangled
    assertTrue(Files.readAllLines(REGISTRY.cachedFile("swedish")).contains("även"));
    assertTrue(Files.readAllLines(REGISTRY.cachedFile("bokmaal")).contains("første"));
    assertTrue(Files.readAllLines(REGISTRY.cachedFile("ngerman")).contains("größer"));
    assertTrue(Files.readAllLines(REGISTRY.cachedFile("bulgarian")).contains("език"));
  }

  @Test
  void floresConfigResolvesElevenLexiconsIncludingTurkish() {
    Map<String, String> lexicons = ConfigLoader.load(ROOT.resolve("conf/flores.yaml")).tokenize().lexicons();
    assertEquals(Set.of("eng_Latn", "deu_Latn", "fra_Latn", "spa_Latn", "ita_Latn", "por_Latn", "nld_Latn",
        "swe_Latn", "dan_Latn", "tur_Latn", "bul_Cyrl"), lexicons.keySet());
    assertEquals(REGISTRY.cachedFile("turkish").toString(), lexicons.get("tur_Latn"));
    for (String lang : lexicons.keySet()) { // each a real FLORES-200 language of the run
      ReferenceData.file("flores200/dev/" + lang + ".dev");
    }
  }
}
