package org.tokenometry.jobs.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.udfs.ingest.Format;
import org.tokenometry.udfs.ingest.Mode;

/**
 * Lists a corpus's input files on the driver (Hadoop globs; folders are read recursively, skipping hidden
 * {@code .x} and {@code _x} entries). Only names and sizes are listed here; tasks read the contents.
 */
final class SourceLister {
  private SourceLister() {}

  static List<SourceFile> list(List<CorpusConfig> corpora, Configuration conf) {
    List<SourceFile> out = new ArrayList<>();
    for (int i = 0; i < corpora.size(); i++) {
      CorpusConfig c = corpora.get(i);
      Mode mode = IngestSpecs.mode(c);
      Format fixed = "auto".equalsIgnoreCase(c.format()) ? null : Format.byName(c.format()).orElseThrow(() ->
          new ConfigException("corpus '" + c.name() + "': unknown format '" + c.format() + "'; use auto or one of "
              + Format.known()));
      if (c.paths().isEmpty()) {
        throw new ConfigException("corpus '" + c.name() + "' has no 'paths'");
      }
      Map<String, Long> files = new LinkedHashMap<>();
      for (String p : c.paths()) {
        for (FileStatus st : expand(c.name(), p, conf)) {
          files.putIfAbsent(st.getPath().toString(), st.getLen());
        }
      }
      final int index = i;
      files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        // the text modes read any text file (FLORES names end in .dev/.devtest); record mode needs a known format
        Format f = fixed != null ? fixed : Format.byExtension(e.getKey())
            .orElse(mode == Mode.RECORD ? null : Format.TXT);
        check(c, mode, f, e.getKey());
        out.add(new SourceFile(index, e.getKey(), e.getValue(), f));
      });
    }
    return out;
  }

  private static void check(CorpusConfig c, Mode mode, Format f, String uri) {
    if (f == null) {
      return; // becomes an unknown_format reject: one stray file must not stop a long run
    }
    if (mode == Mode.RECORD && !f.hasRecords()) {
      throw new ConfigException("corpus '" + c.name() + "': mode 'record' needs jsonl, csv, tsv, parquet or arrow "
          + "files, but " + uri + " is " + f.configName() + "; use mode line, file or joined");
    }
    if (mode != Mode.RECORD && !f.isText()) {
      throw new ConfigException("corpus '" + c.name() + "': " + uri + " is " + f.configName()
          + ", which only mode 'record' reads (with text_column)");
    }
  }

  private static List<FileStatus> expand(String corpus, String pattern, Configuration conf) {
    try {
      Path p = new Path(pattern);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(p);
      if (matches == null || matches.length == 0) {
        throw new ConfigException("corpus '" + corpus + "': no files match '" + pattern
            + "' (relative paths resolve against the config file's folder)");
      }
      List<FileStatus> out = new ArrayList<>();
      for (FileStatus m : matches) {
        if (m.isDirectory()) {
          RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
          while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (!hidden(m.getPath(), f.getPath())) {
              out.add(f);
            }
          }
        } else {
          out.add(m);
        }
      }
      return out;
    } catch (IOException e) {
      throw new ConfigException("corpus '" + corpus + "': cannot list '" + pattern + "': " + e.getMessage(), e);
    }
  }

  /** Hadoop's convention: names starting with '.' or '_' (e.g. _SUCCESS, .crc) below the listed folder. */
  private static boolean hidden(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      if (p.getName().startsWith(".") || p.getName().startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}
