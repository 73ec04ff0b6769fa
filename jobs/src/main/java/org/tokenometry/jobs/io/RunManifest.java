package org.tokenometry.jobs.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code <output>/_manifest.json}: config, tokenizer files with sha256, inputs with sizes, software versions,
 * per-stage timings and record counts, and the run's status ({@code running}, {@code complete}, {@code failed},
 * {@code interrupted}).
 *
 * <p>One output collects the tables of many runs, so the manifest describes the output, not just the last
 * run: a run starts from the previous manifest ({@link #inherit}), and each stage's section, with the inputs
 * and tokenizers that stage recorded, survives until that stage runs again. Every section names the run that
 * wrote it ({@code run_id}). It is rewritten after every stage; once {@link #interrupt} has written the final
 * word, later writes are ignored, so a run stopped by a signal never ends up {@code failed} or {@code running}.
 */
public final class RunManifest {
  public static final String FILE = "_manifest.json";
  /** Where {@link #write} puts the new manifest before the rename; a run killed in between leaves it here. */
  static final String TEMP = "._manifest.json.tmp";
  public static final String RUNNING = "running";
  public static final String COMPLETE = "complete";
  public static final String FAILED = "failed";
  public static final String INTERRUPTED = "interrupted";
  /** Key of the stage that recorded an input or tokenizer entry (it goes when that stage runs again). */
  static final String RECORDED_BY = "stage";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String runId;
  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<String, Object> stages = new LinkedHashMap<>();
  private final Map<String, Object> tokenizers = new LinkedHashMap<>();
  private final Map<String, Object> inputs = new LinkedHashMap<>();
  /** Sections this run replaced, by stage, as the previous manifest had them. */
  private final Map<String, Map<String, Object>> replaced = new LinkedHashMap<>();
  private String currentStage;
  private boolean sealed;

  public RunManifest(String runId, Object config, Map<String, String> versions) {
    this.runId = runId;
    root.put("run_id", runId);
    root.put("status", RUNNING);
    root.put("started", Instant.now().toString());
    root.put("finished", null);
    root.put("versions", versions);
    root.put("config", config);
    root.put("inputs", inputs);
    root.put("tokenizers", tokenizers);
    root.put("stages", stages);
  }

  /**
   * The manifest an earlier run left in {@code output}: {@code _manifest.json}, or the temp file of a run killed
   * between writing and renaming it. Empty when there is none.
   *
   * @throws IOException the file exists but is not a manifest (the message says which file)
   */
  public static Optional<Map<String, Object>> read(FileSystem fs, String output) throws IOException {
    for (String name : new String[] {FILE, TEMP}) {
      Path p = new Path(output + "/" + name);
      try (InputStream in = raw(fs).open(p)) {
        return Optional.of(JSON.readValue(in, new TypeReference<Map<String, Object>>() {}));
      } catch (FileNotFoundException e) {
        continue;
      } catch (IOException e) {
        throw new IOException(p + " is not a readable manifest: " + e.getMessage(), e);
      }
    }
    return Optional.empty();
  }

  /**
   * The filesystem without client-side checksums: a manifest edited by hand (or a lock written without Hadoop)
   * leaves the local filesystem's {@code .crc} file stale, and the JSON parse checks the content anyway.
   */
  static FileSystem raw(FileSystem fs) {
    return fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
  }

  /**
   * Carries over what {@code previous} says about stages this run has not (yet) run: each stage section (with
   * the run that wrote it) and the inputs and tokenizers they recorded. This run holds the output's lock, so a
   * previous run still marked {@code running} is dead: it and its running sections become {@code interrupted}.
   *
   * @return the previous run in brief: {@code run_id}, {@code status}, {@code started}, {@code finished}, also
   *     kept as {@code previous_run}
   */
  @SuppressWarnings("unchecked")
  public synchronized Map<String, Object> inherit(Map<String, Object> previous) {
    String prevRun = String.valueOf(previous.get("run_id"));
    boolean died = RUNNING.equals(previous.get("status"));
    if (previous.get("stages") instanceof Map<?, ?> prevStages) {
      prevStages.forEach((name, section) -> {
        if (section instanceof Map<?, ?> m) {
          Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) m);
          s.putIfAbsent("run_id", prevRun);
          if (died && RUNNING.equals(s.get("status"))) {
            s.put("status", INTERRUPTED);
          }
          stages.put(String.valueOf(name), s);
        }
      });
    }
    copyEntries(previous.get("inputs"), inputs);
    copyEntries(previous.get("tokenizers"), tokenizers);
    Map<String, Object> brief = new LinkedHashMap<>();
    brief.put("run_id", prevRun);
    brief.put("status", died ? INTERRUPTED : previous.get("status"));
    brief.put("started", previous.get("started"));
    brief.put("finished", previous.get("finished"));
    root.put("previous_run", brief);
    return brief;
  }

  @SuppressWarnings("unchecked")
  private static void copyEntries(Object from, Map<String, Object> to) {
    if (from instanceof Map<?, ?> m) {
      m.forEach((k, v) -> to.put(String.valueOf(k), v instanceof Map<?, ?> e
          ? new LinkedHashMap<>((Map<String, Object>) e) : v));
    }
  }

  /**
   * Stage {@code name} starts: its old section, and the inputs and tokenizers it recorded, give way to what it
   * records now. The old section stays readable through {@link #previousSection}.
   */
  public synchronized void beginStage(String name) {
    Object old = stages.remove(name);
    if (old instanceof Map<?, ?>) {
      replaced.put(name, section(old));
    }
    inputs.values().removeIf(e -> name.equals(recorder(e, "ingest")));
    tokenizers.values().removeIf(e -> name.equals(recorder(e, "tokenize")));
    currentStage = name;
    Map<String, Object> s = stage(name);
    s.put("run_id", runId);
    s.put("status", RUNNING);
    s.put("started", Instant.now().toString());
  }

  /** The stage that recorded an entry; entries of manifests older than that key: questions are qa's. */
  private static Object recorder(Object entry, String fallback) {
    if (!(entry instanceof Map<?, ?> m)) {
      return fallback;
    }
    Object by = m.get(RECORDED_BY);
    return by != null ? by : "questions".equals(m.get("kind")) ? "qa" : fallback;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Object o) {
    return (Map<String, Object>) o;
  }

  /**
   * The section stage {@code name} had before this run replaced it (or still has, if it has not run): e.g. for
   * a stage that adds to what earlier runs recorded. Empty when there was none.
   */
  public synchronized Map<String, Object> previousSection(String name) {
    Map<String, Object> old = replaced.containsKey(name) ? replaced.get(name)
        : stages.get(name) instanceof Map<?, ?> m ? section(m) : null;
    return old == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(old));
  }

  public synchronized void completeStage(String name, double seconds) {
    Map<String, Object> s = stage(name);
    s.put("seconds", Math.round(seconds * 1000) / 1000.0);
    s.put("status", COMPLETE);
    currentStage = null;
  }

  /**
   * Stage {@code name} failed. Its section says so, with the error, and keeps as {@code previous} the last
   * complete section it replaced: the tables that run wrote may still be the ones in place.
   */
  public synchronized void failStage(String name, String error) {
    if (sealed) {
      return;
    }
    Map<String, Object> s = stage(name);
    s.put("status", FAILED);
    s.put("error", error);
    Map<String, Object> old = replaced.get(name);
    if (old != null) {
      s.put("previous", COMPLETE.equals(old.get("status")) ? old : old.get("previous"));
    }
    currentStage = null;
  }

  /** The section of one stage, created on first use; stages put their counts here. */
  public synchronized Map<String, Object> stage(String name) {
    return section(stages.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>()));
  }

  /** An input file the running stage read (the entry goes when that stage runs again). */
  public synchronized void input(String source, Map<String, Object> facts) {
    inputs.put(source, recorded(facts));
  }

  /** A tokenizer the running stage used (the entry goes when that stage runs again). */
  public synchronized void tokenizer(String name, Map<String, Object> facts) {
    tokenizers.put(name, recorded(facts));
  }

  private Map<String, Object> recorded(Map<String, Object> facts) {
    Map<String, Object> e = new LinkedHashMap<>(facts);
    if (currentStage != null) {
      e.put(RECORDED_BY, currentStage);
    }
    return e;
  }

  /** Sets the run's status; any status but {@code running} also sets {@code finished}. */
  public synchronized void status(String status) {
    if (sealed) {
      return;
    }
    root.put("status", status);
    if (!RUNNING.equals(status)) {
      root.put("finished", Instant.now().toString());
    }
  }

  public synchronized void put(String key, Object value) {
    if (!sealed) {
      root.put(key, value);
    }
  }

  /**
   * The run was stopped (a signal, or the JVM shutting down) before it finished: status {@code interrupted},
   * the running stage likewise, written now, and no later write changes it. False when the run had already
   * finished (its manifest stays as it is).
   */
  public synchronized boolean interrupt(String signal, FileSystem fs, String output) {
    if (sealed || !RUNNING.equals(root.get("status"))) {
      return false;
    }
    if (currentStage != null) {
      stage(currentStage).put("status", INTERRUPTED);
    }
    status(INTERRUPTED);
    root.put("signal", signal);
    write(fs, output);
    sealed = true;
    return true;
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

  /** Writes the manifest atomically (temp file + rename) next to the tables; nothing once it is sealed. */
  public synchronized void write(FileSystem fs, String output) {
    if (sealed) {
      return;
    }
    Path target = new Path(output + "/" + FILE);
    Path tmp = new Path(output + "/" + TEMP);
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
