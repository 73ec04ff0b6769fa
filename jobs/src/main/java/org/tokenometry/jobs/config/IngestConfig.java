package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Ingest stage settings. */
public record IngestConfig(
    @JsonProperty("max_doc_bytes") Long maxDocBytes,
    @JsonProperty("shards") Integer shards) {

  public IngestConfig {
    maxDocBytes = maxDocBytes == null ? 50L * 1024 * 1024 : maxDocBytes;
    shards = shards == null ? 0 : shards; // 0 = one per input split, as Spark chooses
  }

  public static IngestConfig defaults() {
    return new IngestConfig(null, null);
  }
}
