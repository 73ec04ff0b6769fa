package org.tokenometry.udfs.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Input formats, recognised by extension after an optional {@code .gz}. */
public enum Format {
  TXT("txt", true),
  MD("md", true),
  JSONL("jsonl", true, "json"),
  CSV("csv", true),
  TSV("tsv", true),
  PARQUET("parquet", false),
  ARROW("arrow", false);

  private final String name;
  private final boolean text;
  private final String[] aliases;

  Format(String name, boolean text, String... aliases) {
    this.name = name;
    this.text = text;
    this.aliases = aliases;
  }

  public String configName() {
    return name;
  }

  /** Line-oriented text that the line, file and joined modes can read. */
  public boolean isText() {
    return text;
  }

  /** Holds records with named fields (the record mode). */
  public boolean hasRecords() {
    return this != TXT && this != MD;
  }

  /** By configured name ({@code jsonl}, {@code json}, ...); empty for unknown names. */
  public static Optional<Format> byName(String s) {
    String n = s.toLowerCase(Locale.ROOT);
    for (Format f : values()) {
      if (f.name.equals(n) || Arrays.asList(f.aliases).contains(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** By the file's extension after stripping {@code .gz}: {@code x.jsonl.gz} → JSONL; empty when unknown. */
  public static Optional<Format> byExtension(String fileName) {
    String name = LangCodes.stripGz(LangCodes.baseName(fileName));
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return byName(name.substring(dot + 1));
  }

  public static String known() {
    return Arrays.stream(values()).map(f -> "." + f.name + (f.aliases.length > 0 ? "/." + String.join("/.",
        f.aliases) : "")).collect(Collectors.joining(", ")) + " (each optionally .gz)";
  }
}
