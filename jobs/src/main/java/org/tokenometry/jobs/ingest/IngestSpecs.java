package org.tokenometry.jobs.ingest;

import java.util.List;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.jobs.config.IngestConfig;
import org.tokenometry.udfs.ingest.CorpusSpec;
import org.tokenometry.udfs.ingest.LangCodes;
import org.tokenometry.udfs.ingest.Mode;

/** Checks corpus configs and turns them into the Spark-free specs the readers use. */
final class IngestSpecs {
  private static final List<String> LANG_FROM = List.of("config", "filename", "column");

  private IngestSpecs() {}

  static Mode mode(CorpusConfig c) {
    return Mode.byName(c.mode()).orElseThrow(() -> new ConfigException("corpus '" + c.name() + "': unknown mode '"
        + c.mode() + "'; use line, file, joined or record"));
  }

  static CorpusSpec of(CorpusConfig c, IngestConfig ic) {
    Mode mode = mode(c);
    if (!LANG_FROM.contains(c.langFrom())) {
      throw new ConfigException("corpus '" + c.name() + "': lang_from must be one of " + LANG_FROM + ", not '"
          + c.langFrom() + "'");
    }
    if ("column".equals(c.langFrom()) && (c.langColumn() == null || mode != Mode.RECORD)) {
      throw new ConfigException("corpus '" + c.name() + "': lang_from: column needs mode: record and lang_column");
    }
    if (c.idColumn() != null && mode != Mode.RECORD) {
      throw new ConfigException("corpus '" + c.name() + "': id_column only applies to mode: record");
    }
    if (ic.maxDocBytes() <= 0 || ic.shards() <= 0) {
      throw new ConfigException("ingest.max_doc_bytes and ingest.shards must be positive");
    }
    if (c.lang() != null && !c.lang().isBlank() && !LangCodes.isPlausible(c.lang())) {
      throw new ConfigException("corpus '" + c.name() + "': lang '" + c.lang() + "' is not a language code; use "
          + "a FLORES-style code such as eng_Latn, or a BCP 47 tag such as en or pt-BR");
    }
    if (c.quote() != null && !c.quote().isEmpty() && !isQuote(c.quote())) {
      throw new ConfigException("corpus '" + c.name() + "': quote must be one ASCII punctuation character such as "
          + "'\"' or \"'\", or '' for none; got '" + c.quote() + "'");
    }
    return new CorpusSpec(c.name(), c.domain(), mode, c.lang(), c.langFrom(), c.textColumn(), c.idColumn(),
        "column".equals(c.langFrom()) ? c.langColumn() : null, c.parallel(), c.separator(), c.quote(),
        ic.maxDocBytes(), ic.shards());
  }

  /** One printable ASCII character that is neither a letter, a digit nor a delimiter (, or tab). */
  private static boolean isQuote(String q) {
    char c = q.charAt(0);
    return q.length() == 1 && c > 0x20 && c < 0x7f && !Character.isLetterOrDigit(c) && c != ',';
  }
}
