package org.tokenometry.jobs.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code <output>/_manifest.json}: config, tokenizer files with sha256, inputs with sizes, software versions,
 * per-stage timings and record counts, and the run's status. Rewritten after every stage, so a run that fails
 * midway leaves a manifest that says {@code "status": "failed"} and which stages completed.
 */
public final class RunManifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<String, Object> stages = new LinkedHashMap<>();
  private final Map<String, Object> tokenizers = new LinkedHashMap<>();
  private final Map<String, Object> inputs = new LinkedHashMap<>();
  private Map<String, Object> previous = Map.of();

  public RunManifest(String runId, Object config, Map<String, String> versions) {
    root.put("run_id", runId);
    root.put("status", "running");
    root.put("started", Instant.now().toString());
    root.put("finished", null);
    root.put("versions", versions);
    root.put("config", config);
    root.put("inputs", inputs);
    root.put("tokenizers", tokenizers);
    root.put("stages", stages);
  }

  /** The section of one stage, created on first use; stages put their counts here. */
  @SuppressWarnings("unchecked")
  public synchronized Map<String, Object> stage(String name) {
    return (Map<String, Object>) stages.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
  }

  /**
   * Reads the manifest a previous run left in {@code output} (if any, and readable), before this run replaces
   * it: stages that merge their section with the previous run's (ingest keeps the sources of corpora this run
   * did not read) find it in {@link #previousStage}.
   */
  @SuppressWarnings("unchecked")
  public synchronized void readPrevious(FileSystem fs, String output) {
    Path file = new Path(output + "/_manifest.json");
    try {
      if (fs.exists(file)) {
        try (java.io.InputStream in = fs.open(file)) {
          previous = JSON.readValue(in, Map.class);
        }
      }
    } catch (IOException | RuntimeException e) {
      previous = Map.of(); // an unreadable old manifest has nothing to keep
    }
  }

  /** The previous run's section of stage {@code name}; empty when there is none. */
  @SuppressWarnings("unchecked")
  public synchronized Map<String, Object> previousStage(String name) {
    Object stagesBefore = previous.get("stages");
    Object stage = stagesBefore instanceof Map<?, ?> m ? m.get(name) : null;
    return stage instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  public synchronized void input(String source, Map<String, Object> facts) {
    inputs.put(source, facts);
  }

  public synchronized void tokenizer(String name, Map<String, Object> facts) {
    tokenizers.put(name, facts);
  }

  public synchronized void status(String status) {
    root.put("status", status);
    if (!"running".equals(status)) {
      root.put("finished", Instant.now().toString());
    }
  }

  public synchronized void put(String key, Object value) {
    root.put(key, value);
  }

  public synchronized Map<String, Object> asMap() {
    return root;
  }

  public synchronized String toJson() {
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the manifest atomically (temp file + rename) next to the tables. */
  public synchronized void write(FileSystem fs, String output) {
    Path target = new Path(output + "/_manifest.json");
    Path tmp = new Path(output + "/._manifest.json.tmp");
    try {
      fs.mkdirs(target.getParent());
      try (OutputStream os = fs.create(tmp, true)) {
        os.write(toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + target + ": " + e.getMessage(), e);
    }
  }
}
