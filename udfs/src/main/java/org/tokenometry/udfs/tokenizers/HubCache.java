package org.tokenometry.udfs.tokenizers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A Hugging Face hub cache, read the way {@code huggingface_hub} lays it out: {@code
 * models--<org>--<model>/refs/<ref>} holds a commit hash, {@code snapshots/<commit>/} the files of that commit.
 * {@code hf:org/model} means the commit {@code refs/main} names; {@code hf:org/model@<ref or commit>} another
 * one. Which snapshot folder is newest says nothing about which revision a ref points at, so it is never used.
 */
public final class HubCache {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  private final Path hub;

  public HubCache(Path hub) {
    this.hub = hub;
  }

  /** {@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else {@code ~/.cache/huggingface/hub}, as huggingface_hub. */
  public static HubCache fromEnvironment() {
    return new HubCache(hubDir(System.getenv(), System.getProperty("user.home")));
  }

  static Path hubDir(Map<String, String> env, String userHome) {
    String cache = env.get("HF_HUB_CACHE");
    if (cache != null && !cache.isBlank()) {
      return Path.of(cache);
    }
    String home = env.get("HF_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home, "hub");
    }
    return Path.of(userHome, ".cache", "huggingface", "hub");
  }

  public Path dir() {
    return hub;
  }

  /** A {@code hf:} spec's file and the commit it came from. */
  public record Snapshot(Path file, String repo, String revision, String commit) {}

  /** {@code spec} is {@code hf:org/model} or {@code hf:org/model@revision}; nothing is downloaded. */
  public Snapshot tokenizerJson(String spec) {
    String body = spec.substring("hf:".length());
    int at = body.lastIndexOf('@');
    String repo = at < 0 ? body : body.substring(0, at);
    String revision = at < 0 ? "main" : body.substring(at + 1);
    if (repo.isBlank() || revision.isBlank() || !repo.contains("/")) {
      throw new TokenizerException("'" + spec + "': write hf:org/model or hf:org/model@revision");
    }
    Path model = hub.resolve("models--" + repo.replace("/", "--"));
    if (!Files.isDirectory(model)) {
      throw new TokenizerException("'" + spec + "': " + model + " does not exist; this tool never downloads from "
          + "the hub: fetch the model with your own tools, or point HF_HUB_CACHE (or HF_HOME) at the cache");
    }
    String commit = commitOf(spec, model, revision);
    Path snapshot = model.resolve("snapshots").resolve(commit);
    if (!Files.isDirectory(snapshot)) {
      throw new TokenizerException("'" + spec + "': revision '" + revision + "' is commit " + commit
          + ", but " + snapshot + " is missing; snapshots present: " + list(model.resolve("snapshots")));
    }
    Path file = snapshot.resolve("tokenizer.json");
    if (!Files.isRegularFile(file)) {
      throw new TokenizerException("'" + spec + "': snapshot " + commit + " has no tokenizer.json (" + file + ")");
    }
    return new Snapshot(file, repo, revision, commit);
  }

  /** A ref name is read from {@code refs/}; a full commit hash names its snapshot directly. */
  private static String commitOf(String spec, Path model, String revision) {
    Path ref = model.resolve("refs").resolve(revision);
    if (!revision.contains("..") && Files.isRegularFile(ref)) {
      try {
        String commit = Files.readString(ref, StandardCharsets.UTF_8).strip();
        if (!COMMIT.matcher(commit).matches()) {
          throw new TokenizerException("'" + spec + "': " + ref + " should hold a 40-digit commit hash, not '"
              + commit + "'");
        }
        return commit;
      } catch (IOException e) {
        throw new TokenizerException("'" + spec + "': cannot read " + ref + ": " + e.getMessage(), e);
      }
    }
    if (COMMIT.matcher(revision).matches()) {
      return revision;
    }
    throw new TokenizerException("'" + spec + "': no ref '" + revision + "' in " + model.resolve("refs")
        + "; refs present: " + list(model.resolve("refs")) + " (or give a 40-digit commit: hf:org/model@<commit>)");
  }

  private static String list(Path dir) {
    TreeSet<String> names = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
        s.forEach(p -> names.add(p.getFileName().toString()));
      } catch (IOException e) {
        return "(unreadable: " + e.getMessage() + ")";
      }
    }
    return names.isEmpty() ? "none" : String.join(", ", names);
  }
}
