package org.tokenometry.jobs.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.Path;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.CorpusConfig;
import org.tokenometry.udfs.ingest.Format;
import org.tokenometry.udfs.ingest.Mode;
import org.tokenometry.udfs.ingest.RejectReason;

/**
 * Lists a corpus's input files on the driver through Hadoop's FileSystem (globs; folders recursively,
 * skipping hidden {@code .x} and {@code _x} entries). Only names and sizes are listed here; tasks read the
 * contents. Each real file is listed once per corpus, however many paths, globs or links reach it (on
 * {@code file:}, by device and inode; elsewhere by its qualified URI); a folder reached again (a link back up, a
 * second path) is not walked again. What is left out is reported in {@link Listing#skipped()}; entries that
 * exist but cannot be read as files (broken or looping links, FIFOs, sockets, devices, folders that cannot be
 * listed) become sources whose one record is a reject.
 */
final class SourceLister {
  /** The files to read and what was left out (with why); files are sorted by URI within each corpus. */
  record Listing(List<SourceFile> files, List<Map<String, String>> skipped) {}

  static final String HIDDEN = "hidden (the name starts with . or _)";

  private SourceLister() {}

  /** Hadoop's convention: {@code _SUCCESS}, {@code .crc} files, {@code _temporary} folders are not data. */
  static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  static Listing list(List<CorpusConfig> corpora, Configuration conf) {
    List<SourceFile> out = new ArrayList<>();
    List<Map<String, String>> skipped = new ArrayList<>();
    for (int i = 0; i < corpora.size(); i++) {
      CorpusConfig c = corpora.get(i);
      Mode mode = IngestSpecs.mode(c);
      Format fixed = "auto".equalsIgnoreCase(c.format()) ? null : Format.byName(c.format()).orElseThrow(() ->
          new ConfigException("corpus '" + c.name() + "': unknown format '" + c.format() + "'; use auto or one of "
              + Format.known()));
      if (c.paths().isEmpty()) {
        throw new ConfigException("corpus '" + c.name() + "' has no 'paths'");
      }
      Walk walk = new Walk(c.name(), conf);
      for (String p : c.paths()) {
        walk.pattern(p);
      }
      for (Entry e : walk.distinct(skipped)) {
        if (e.problem != null) {
          out.add(new SourceFile(i, e.uri, e.size, null, e.problem, e.detail));
          continue;
        }
        // the text modes read any text file (FLORES names end in .dev/.devtest); record mode needs a known format
        Format f = fixed != null ? fixed : Format.byExtension(e.uri).orElse(mode == Mode.RECORD ? null : Format.TXT);
        check(c, mode, f, e.uri);
        out.add(new SourceFile(i, e.uri, e.size, f));
      }
    }
    return new Listing(out, skipped);
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

  /** A listed entry; {@code key} names the real file (two entries with one key are one file). */
  private record Entry(String uri, long size, String key, boolean direct, RejectReason problem, String detail) {}

  /** One corpus's walk over its configured paths. */
  private static final class Walk {
    private final String corpus;
    private final Configuration conf;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> folders = new HashSet<>();
    private final List<Map<String, String>> skipped = new ArrayList<>();
    private final Set<String> skippedPaths = new HashSet<>();

    Walk(String corpus, Configuration conf) {
      this.corpus = corpus;
      this.conf = conf;
    }

    void pattern(String pattern) {
      try {
        Path p = new Path(pattern);
        FileSystem fs = p.getFileSystem(conf);
        FileStatus[] matches = glob(fs, p, pattern);
        if (matches == null || matches.length == 0) {
          throw new ConfigException("corpus '" + corpus + "': no files match '" + pattern
              + "' (relative paths resolve against the config file's folder)");
        }
        boolean glob = pattern.matches(".*[*?\\[{].*");
        for (FileStatus m : matches) {
          if (glob && hidden(m.getPath().getName())) {
            skip(m.getPath(), HIDDEN); // a wildcard does not pick hidden entries; a path naming one does
          } else if (m.isDirectory()) {
            folder(fs, m.getPath(), true);
          } else {
            file(fs, m);
          }
        }
      } catch (IOException e) {
        throw new ConfigException("corpus '" + corpus + "': cannot list '" + pattern + "': " + e.getMessage(), e);
      }
    }

    /**
     * Hadoop's glob, except that a matching name with a ':' makes Hadoop's globber fail (it parses the name as a
     * URI); then a wildcard in the last part of the pattern is matched over the folder's listing instead.
     */
    private FileStatus[] glob(FileSystem fs, Path p, String pattern) throws IOException {
      try {
        return fs.globStatus(p);
      } catch (IllegalArgumentException e) {
        Path parent = p.getParent();
        if (parent == null || parent.toString().matches(".*[*?\\[{].*")) {
          throw new ConfigException("corpus '" + corpus + "': cannot expand '" + pattern + "' (" + e.getMessage()
              + "): Hadoop's glob fails on names with ':'; name the folder instead", e);
        }
        return fs.listStatus(parent, new GlobFilter(p.getName()));
      }
    }

    private void folder(FileSystem fs, Path dir, boolean configured) throws IOException {
      boolean local = LocalFiles.isLocal(fs);
      String key = fs.makeQualified(dir).toString();
      String real = key;
      FileStatus[] children;
      try {
        if (local) {
          LocalFiles.Inspection in = LocalFiles.inspect(dir);
          if (in.problem() != null) {
            throw new IOException(in.detail());
          }
          key = in.key();
          real = in.realPath();
        }
        if (!folders.add(key)) {
          skip(dir, "a folder already listed (" + real + "): a link back up (a loop) or a second path to it");
          return;
        }
        children = fs.listStatus(dir);
      } catch (IOException e) {
        if (configured) {
          throw e;
        }
        entries.add(new Entry(dir.toString(), 0, key, true, RejectReason.UNREADABLE_FILE,
            "cannot list this folder (" + e.getMessage() + "); its files were not read"));
        return;
      }
      Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
      Set<String> seen = new HashSet<>();
      for (FileStatus child : children) {
        String name = child.getPath().getName();
        seen.add(name);
        if (hidden(name)) {
          skip(child.getPath(), HIDDEN);
        } else if (child.isDirectory()) {
          folder(fs, child.getPath(), false);
        } else {
          file(fs, child);
        }
      }
      if (local) {
        for (String name : LocalFiles.names(dir)) {
          if (!seen.contains(name) && !hidden(name)) {
            // Hadoop could not stat it: a broken or looping link, or an entry that vanished
            Path p = new Path(dir, new Path(null, null, name)); // as Hadoop joins names: a ':' is no scheme
            LocalFiles.Inspection in = LocalFiles.inspect(p);
            entries.add(new Entry(p.toString(), 0, p.toString(), true,
                in.problem() == null ? RejectReason.UNREADABLE_FILE : in.problem(),
                in.problem() == null ? "listed by the OS but not by Hadoop's filesystem" : in.detail()));
          }
        }
      }
    }

    private void file(FileSystem fs, FileStatus st) {
      String uri = st.getPath().toString();
      if (!LocalFiles.isLocal(fs)) {
        entries.add(new Entry(uri, st.getLen(), fs.makeQualified(st.getPath()).toString(), true, null, null));
        return;
      }
      LocalFiles.Inspection in = LocalFiles.inspect(st.getPath());
      String key = in.key() == null ? uri : in.key();
      boolean direct = in.realPath() != null && in.realPath().equals(LocalFiles.nio(st.getPath()).toString());
      entries.add(new Entry(uri, st.getLen(), key, direct, in.problem(), in.detail()));
    }

    private void skip(Path p, String why) {
      if (!skippedPaths.add(p.toString())) {
        return;
      }
      Map<String, String> s = new LinkedHashMap<>();
      s.put("corpus", corpus);
      s.put("path", p.toString());
      s.put("why", why);
      skipped.add(s);
    }

    /**
     * One entry per real file: the one reached directly if any (not through a link), else the first by URI;
     * the others are skipped as the same file. Sorted by URI.
     */
    List<Entry> distinct(List<Map<String, String>> skippedOut) {
      Map<String, Entry> byKey = new LinkedHashMap<>();
      Comparator<Entry> preferred = Comparator.comparing((Entry e) -> !e.direct).thenComparing(e -> e.uri);
      for (Entry e : entries) {
        byKey.merge(e.key, e, (a, b) -> preferred.compare(a, b) <= 0 ? a : b);
      }
      for (Entry e : entries) {
        Entry kept = byKey.get(e.key);
        if (kept != e && !kept.uri.equals(e.uri)) {
          skip(new Path(e.uri), "the same file as " + kept.uri + " (read once per corpus)");
        }
      }
      skippedOut.addAll(skipped);
      return byKey.values().stream().sorted(Comparator.comparing(e -> e.uri)).toList();
    }
  }
}
