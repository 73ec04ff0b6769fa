package org.tokenometry.jobs.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A tiny corpus, a config around it, and ways to look at an output folder without Spark. */
final class RunFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunFixtures() {}

  /**
   * {@code dir/run.yaml}: output {@code dir/out}, stages [ingest], one corpus of three English lines (one
   * document each), plus {@code extraYaml} (more top-level sections).
   */
  static Path config(Path dir, String extraYaml) throws IOException {
    return config(dir, "run.yaml", "[ingest]", extraYaml);
  }

  /** As {@link #config(Path, String)}, named {@code name}, with these stages (YAML flow list). */
  static Path config(Path dir, String name, String stages, String extraYaml) throws IOException {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("news.txt"), "Rates rose in March. Inflation slowed. Markets rallied.\n"
        + "Launches grew. Costs fell by half. Demand stayed high.\n"
        + "Crossings were repainted. Traffic calmed. Nobody complained.\n");
    Path cfg = dir.resolve(name);
    Files.writeString(cfg, "output: out\nstages: " + stages + "\ncorpora:\n"
        + "  - {name: news, paths: [corpus], mode: line, lang: eng_Latn, domain: general}\n"
        + "ingest: {shards: 2}\nspark: {spark.sql.shuffle.partitions: \"2\"}\n" + extraYaml);
    return cfg;
  }

  static JsonNode manifest(Path output) throws IOException {
    return JSON.readTree(output.resolve("_manifest.json").toFile());
  }

  /** Every file under {@code table} with its size and modification time: equal listings = an untouched table. */
  static TreeMap<String, String> listing(Path table) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (var walk = Files.walk(table)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files.put(table.relativize(f).toString(), Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis());
      }
    }
    return files;
  }

  /** Names of the entries of a folder, or none when it does not exist. */
  static List<String> names(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var s = Files.list(folder)) {
      return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
