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
    @JsonProperty("separator") String separator) {

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
}
