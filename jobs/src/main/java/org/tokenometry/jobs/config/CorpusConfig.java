package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One corpus: where its files are and how to turn them into documents.
 *
 * @param paths Hadoop URIs or local paths, globs allowed, relative paths resolve against the config's directory
 * @param format auto (by extension), txt, md, jsonl, csv, tsv, parquet, arrow
 * @param mode line, file, joined or record
 * @param lang fixed language code, or null when {@code langFrom} says where it comes from
 * @param langFrom "config" (default), "filename" (the FLORES-style code in the file name) or "column"
 * @param parallel true when files in different languages are aligned record by record
 * @param quote CSV/TSV quote character: null for the format's default ({@code "} for CSV, none for TSV), an
 *     empty string for none, else one ASCII character
 */
public record CorpusConfig(
    @JsonProperty("name") String name,
    @JsonProperty("paths") List<String> paths,
    @JsonProperty("format") String format,
    @JsonProperty("mode") String mode,
    @JsonProperty("domain") String domain,
    @JsonProperty("lang") String lang,
    @JsonProperty("lang_from") String langFrom,
    @JsonProperty("lang_column") String langColumn,
    @JsonProperty("text_column") String textColumn,
    @JsonProperty("id_column") String idColumn,
    @JsonProperty("parallel") Boolean parallel,
    @JsonProperty("separator") String separator,
    @JsonProperty("quote") String quote) {

  public CorpusConfig {
    paths = paths == null ? List.of() : List.copyOf(paths);
    format = format == null ? "auto" : format;
    mode = mode == null ? "file" : mode;
    domain = domain == null ? "general" : domain;
    langFrom = langFrom == null ? "config" : langFrom;
    textColumn = textColumn == null ? "text" : textColumn;
    parallel = parallel != null && parallel;
    separator = separator == null ? " " : separator;
  }

  /** Without a quote key (the format's default quoting). */
  public CorpusConfig(String name, List<String> paths, String format, String mode, String domain, String lang,
      String langFrom, String langColumn, String textColumn, String idColumn, Boolean parallel, String separator) {
    this(name, paths, format, mode, domain, lang, langFrom, langColumn, textColumn, idColumn, parallel, separator,
        null);
  }

  /** The same corpus with other paths (resolved against the config's folder). */
  public CorpusConfig withPaths(List<String> resolved) {
    return new CorpusConfig(name, resolved, format, mode, domain, lang, langFrom, langColumn, textColumn, idColumn,
        parallel, separator, quote);
  }
}
