package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Retrieval stage settings: the grid corpora × tokenizers × chunkers × sizes × overlaps × retrievers × k × unit.
 *
 * <pre>
 * retrieval:
 *   tokenizers: [gpt35turbo]        # default: the top-level tokenizers list
 *   corpora: []                     # default: every corpus that has questions
 *   chunkers:
 *     - {type: fixed, sizes: [200, 400], overlaps: [0, 100]}
 *     - {type: recursive, sizes: [400], overlaps: [0]}
 *     - {type: sentence, sizes: [5], overlaps: [0]}   # sizes in sentences
 *   retrievers: [bm25, minilm]
 *   k: [1, 5, 10]
 *   units: [char, token]
 *   scope: corpus                   # or global: one index over all corpora, as Chroma's evaluation
 *   offsets: exact                  # or chroma: place chunks as Chroma does (first occurrence of their text)
 *   statuses: [verified]            # question statuses to evaluate
 *   write_chunks: false
 * </pre>
 */
public record RetrievalConfig(
    @JsonProperty("tokenizers") List<String> tokenizers,
    @JsonProperty("corpora") List<String> corpora,
    @JsonProperty("chunkers") List<ChunkerGrid> chunkers,
    @JsonProperty("retrievers") List<String> retrievers,
    @JsonProperty("k") List<Integer> k,
    @JsonProperty("units") List<String> units,
    @JsonProperty("scope") String scope,
    @JsonProperty("offsets") String offsets,
    @JsonProperty("statuses") List<String> statuses,
    @JsonProperty("write_chunks") Boolean writeChunks) {

  /** One chunker with the sizes and overlaps to try; pairs with overlap >= size are skipped. */
  public record ChunkerGrid(
      @JsonProperty("type") String type,
      @JsonProperty("sizes") List<Integer> sizes,
      @JsonProperty("overlaps") List<Integer> overlaps) {
    public static final List<String> TYPES = List.of("fixed", "recursive", "sentence");

    public ChunkerGrid {
      if (type == null) {
        throw ConfigException.at("type", "retrieval.chunkers: every entry needs a 'type' (fixed, recursive or "
            + "sentence)");
      }
      Checks.oneOf("type", "retrieval.chunkers.type", type, TYPES);
      sizes = sizes == null ? List.of(200) : List.copyOf(sizes);
      overlaps = overlaps == null ? List.of(0) : List.copyOf(overlaps);
      for (int i = 0; i < sizes.size(); i++) {
        Checks.atLeast("sizes/" + i, "retrieval.chunkers: size for '" + type + "'", sizes.get(i), 1);
      }
      for (int i = 0; i < overlaps.size(); i++) {
        Checks.atLeast("overlaps/" + i, "retrieval.chunkers: overlap for '" + type + "'", overlaps.get(i), 0);
      }
    }
  }

  public RetrievalConfig {
    tokenizers = tokenizers == null ? List.of() : List.copyOf(tokenizers);
    corpora = corpora == null ? List.of() : List.copyOf(corpora);
    chunkers = chunkers == null
        ? List.of(new ChunkerGrid("fixed", List.of(200, 400), List.of(0)))
        : List.copyOf(chunkers);
    retrievers = retrievers == null ? List.of("bm25") : List.copyOf(retrievers);
    k = k == null ? List.of(5) : List.copyOf(k);
    units = units == null ? List.of("char", "token") : List.copyOf(units);
    scope = scope == null ? "corpus" : scope;
    offsets = offsets == null ? "exact" : offsets;
    statuses = statuses == null ? List.of("verified") : List.copyOf(statuses);
    writeChunks = writeChunks != null && writeChunks;
    Checks.oneOf("scope", "retrieval.scope", scope, List.of("corpus", "global"));
    Checks.oneOf("offsets", "retrieval.offsets", offsets, List.of("exact", "chroma"));
    for (int i = 0; i < units.size(); i++) {
      Checks.oneOf("units/" + i, "retrieval.units", units.get(i), List.of("char", "token"));
    }
    for (int i = 0; i < retrievers.size(); i++) {
      Checks.oneOf("retrievers/" + i, "retrieval.retrievers", retrievers.get(i), List.of("bm25", "minilm"));
    }
    for (int i = 0; i < k.size(); i++) {
      Checks.atLeast("k/" + i, "retrieval.k", k.get(i), 1);
    }
  }

  /** The same grid for other tokenizers (e.g. with {@code name=path} specs resolved against the config). */
  public RetrievalConfig withTokenizers(List<String> newTokenizers) {
    return new RetrievalConfig(newTokenizers, corpora, chunkers, retrievers, k, units, scope, offsets, statuses,
        writeChunks);
  }

  public static RetrievalConfig defaults() {
    return new RetrievalConfig(null, null, null, null, null, null, null, null, null, null);
  }
}
