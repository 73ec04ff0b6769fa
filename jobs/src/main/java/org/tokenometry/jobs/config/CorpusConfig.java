package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tokenometry.udfs.ingest.Format;
import org.tokenometry.udfs.ingest.Mode;

/**
 * One corpus: where its files are and how to turn them into documents. Checked when the config is read, so a
 * misspelt mode or format stops the run before Spark starts, at the key's line.
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

  public static final List<String> LANG_FROM = List.of("config", "filename", "column");

  public CorpusConfig {
    if (name == null || name.isBlank()) {
      throw ConfigException.at("name", "every corpus needs a 'name' (the corpus with paths " + paths + ")");
    }
    paths = paths == null ? List.of() : List.copyOf(paths);
    if (paths.isEmpty()) {
      throw ConfigException.at("paths", "corpus '" + name + "' has no 'paths' (files, folders or globs)");
    }
    format = format == null ? "auto" : format;
    mode = mode == null ? "file" : mode;
    domain = domain == null ? "general" : domain;
    langFrom = langFrom == null ? "config" : langFrom;
    textColumn = textColumn == null ? "text" : textColumn;
    parallel = parallel != null && parallel;
    separator = separator == null ? " " : separator;
    String label = "corpus '" + name + "'";
    Checks.oneOf("mode", label + " mode", mode.toLowerCase(Locale.ROOT), modes());
    if (!"auto".equalsIgnoreCase(format) && Format.byName(format).isEmpty()) {
      List<String> known = new ArrayList<>(List.of("auto"));
      for (Format f : Format.values()) {
        known.add(f.configName());
      }
      Checks.oneOf("format", label + " format", format, known);
    }
    Checks.oneOf("lang_from", label + " lang_from", langFrom, LANG_FROM);
    boolean record = "record".equalsIgnoreCase(mode);
    if ("column".equals(langFrom) && (langColumn == null || !record)) {
      throw ConfigException.at("lang_from", label + ": lang_from: column needs mode: record and lang_column");
    }
    if (idColumn != null && !record) {
      throw ConfigException.at("id_column", label + ": id_column only applies to mode: record");
    }
  }

  private static List<String> modes() {
    List<String> out = new ArrayList<>();
    for (Mode m : Mode.values()) {
      out.add(m.name().toLowerCase(Locale.ROOT));
    }
    return out;
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
