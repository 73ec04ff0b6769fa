package org.tokenometry.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.jobs.config.IngestConfig;
import org.tokenometry.udfs.ingest.CorpusSpec;
import org.tokenometry.udfs.ingest.Format;

/** The corpus keys ingest checks before reading: a fixed lang must be a language code, quote one character. */
class IngestSpecsTest {
  private static CorpusConfig corpus(String lang, String quote) {
    return new CorpusConfig("c", List.of("x.csv"), "auto", "record", "general", lang, null, null, null, null, false,
        null, quote);
  }

  @Test
  void quoteDefaultsByFormatAndCanBeSetOrTurnedOff() {
    CorpusSpec byDefault = IngestSpecs.of(corpus("eng_Latn", null), IngestConfig.defaults());
    assertEquals('"', byDefault.quoteFor(Format.CSV));
    assertNull(byDefault.quoteFor(Format.TSV));
    CorpusSpec single = IngestSpecs.of(corpus("eng_Latn", "'"), IngestConfig.defaults());
    assertEquals('\'', single.quoteFor(Format.TSV));
    assertNull(IngestSpecs.of(corpus("eng_Latn", ""), IngestConfig.defaults()).quoteFor(Format.CSV));
    for (String bad : List.of("\"\"", "a", ",", "\t", "«")) {
      ConfigException e = assertThrows(ConfigException.class, () -> IngestSpecs.of(corpus("en", bad),
          IngestConfig.defaults()));
      assertEquals("corpus 'c': quote must be one ASCII punctuation character such as '\"' or \"'\", or '' for "
          + "none; got '" + bad + "'", e.getMessage());
    }
  }

  @Test
  void aFixedLangMustBeALanguageCode() {
    for (String ok : List.of("eng_Latn", "en", "pt-BR", "zh-Hant-TW", "und")) {
      assertEquals(ok, IngestSpecs.of(corpus(ok, null), IngestConfig.defaults()).lang());
    }
    ConfigException e = assertThrows(ConfigException.class, () -> IngestSpecs.of(corpus("English", null),
        IngestConfig.defaults()));
    assertEquals("corpus 'c': lang 'English' is not a language code; use a FLORES-style code such as eng_Latn, or "
        + "a BCP 47 tag such as en or pt-BR", e.getMessage());
  }
}
