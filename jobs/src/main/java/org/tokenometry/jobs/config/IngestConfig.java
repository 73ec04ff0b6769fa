package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Ingest stage settings.
 *
 * @param maxDocBytes documents longer than this (UTF-8 bytes) become too_long rejects (default 50 MiB)
 * @param shards the documents' {@code shard} column is hash(doc_id) mod this (default 64)
 * @param partitionBytes input bytes per output partition when the documents are spread over tasks
 *     (default 128 MiB; at most {@code shards} partitions)
 */
public record IngestConfig(
    @JsonProperty("max_doc_bytes") Long maxDocBytes,
    @JsonProperty("shards") Integer shards,
    @JsonProperty("partition_bytes") Long partitionBytes) {

  public IngestConfig {
    maxDocBytes = maxDocBytes == null ? 50L * 1024 * 1024 : maxDocBytes;
    shards = shards == null ? 64 : shards;
    partitionBytes = partitionBytes == null ? 128L * 1024 * 1024 : partitionBytes;
    Checks.atLeast("max_doc_bytes", "ingest.max_doc_bytes", maxDocBytes, 1);
    Checks.atLeast("shards", "ingest.shards", shards, 1);
    Checks.atLeast("partition_bytes", "ingest.partition_bytes", partitionBytes, 1);
  }

  public static IngestConfig defaults() {
    return new IngestConfig(null, null, null);
  }
}
