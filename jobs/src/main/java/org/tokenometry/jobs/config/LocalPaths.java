package org.tokenometry.jobs.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The local-filesystem part of the check before Spark starts: input patterns that match nothing and an output
 * folder that cannot be written. Patterns are expanded by Hadoop's glob, as the stages expand them; paths with
 * another scheme (hdfs://, s3a://) are the stages' to check, on the cluster's filesystems.
 */
final class LocalPaths {
  private static final Pattern GLOB = Pattern.compile("[*?\\[{]");

  private LocalPaths() {}

  /** Inputs of the stages the run includes: corpus paths (ingest), question files (qa), lexicons (tokenize). */
  static void checkInputs(PipelineConfig c) {
    if (c.stages().contains("ingest")) {
      for (int i = 0; i < c.corpora().size(); i++) {
        CorpusConfig k = c.corpora().get(i);
        for (int j = 0; j < k.paths().size(); j++) {
          matches(k.paths().get(j), "corpora/" + i + "/paths/" + j, "corpus '" + k.name() + "'");
        }
      }
    }
    if (c.stages().contains("qa") && "import".equals(c.qa().mode())) {
      for (int i = 0; i < c.qa().imports().size(); i++) {
        matches(c.qa().imports().get(i).path(), "qa/imports/" + i + "/path", "qa.imports");
      }
    }
    if (c.stages().contains("tokenize")) {
      for (Map.Entry<String, String> e : c.tokenize().lexicons().entrySet()) {
        matches(e.getValue(), "tokenize/lexicons/" + e.getKey(), "tokenize.lexicons." + e.getKey());
      }
    }
  }

  private static void matches(String pattern, String key, String what) {
    Path local = local(pattern);
    if (local == null || anyMatch(local)) {
      return;
    }
    // the quick look found nothing: ask Hadoop's glob, the one the stages use, before calling it an error
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(local.toUri());
      FileStatus[] found = FileSystem.getLocal(new Configuration()).globStatus(p);
      if (found == null || found.length == 0) {
        throw ConfigException.at(key, what + ": no files match '" + pattern
            + "' (relative paths resolve against the config file's folder)");
      }
    } catch (IOException e) {
      throw ConfigException.at(key, what + ": cannot list '" + pattern + "': " + e.getMessage());
    }
  }

  /**
   * Whether a local pattern matches anything, one path component at a time with Java's glob (which reads
   * {@code * ? [..] {a,b}} as Hadoop's does): starting Hadoop's filesystem costs more than the whole check.
   */
  static boolean anyMatch(Path pattern) {
    List<Path> current = List.of(pattern.getRoot());
    for (Path component : pattern) {
      String c = component.toString();
      List<Path> next = new ArrayList<>();
      for (Path dir : current) {
        if (!GLOB.matcher(c).find()) {
          Path p = dir.resolve(c);
          if (Files.exists(p)) {
            next.add(p);
          }
          continue;
        }
        if (!Files.isDirectory(dir)) {
          continue;
        }
        PathMatcher m = dir.getFileSystem().getPathMatcher("glob:" + c.replace("[^", "[!"));
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
          for (Path p : s) {
            if (m.matches(p.getFileName())) {
              next.add(p);
            }
          }
        } catch (IOException e) {
          return false; // let Hadoop's listing give the reason
        }
      }
      if (next.isEmpty()) {
        return false;
      }
      current = next;
    }
    return true;
  }

  /** An output is writable when it, or the nearest folder above it that exists, accepts a new file. */
  static void checkOutput(String output) {
    Path out = local(output);
    if (out == null) {
      return;
    }
    Path existing = out;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw ConfigException.at("output", "output " + output + " cannot be created: " + existing
          + " is a file, not a folder; choose another output");
    }
    try {
      Files.delete(Files.createTempFile(existing, ".tokenometry-write-check", ".tmp"));
    } catch (IOException e) {
      throw ConfigException.at("output", "output " + output + " is not writable (" + existing + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); choose another "
          + "output or fix the folder's permissions");
    }
  }

  /** The local path of a plain path or a file: URI, else null (another filesystem). */
  static Path local(String p) {
    if (p == null) {
      return null;
    }
    if (p.startsWith("file:")) {
      return Path.of(URI.create(p.startsWith("file://") ? p : "file://" + p.substring("file:".length())));
    }
    return p.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") ? null : Path.of(p).toAbsolutePath();
  }
}
