package org.tokenometry.jobs.tokenize;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tokenometry.udfs.metrics.GroupKey;
import org.tokenometry.udfs.metrics.GroupStats;
import scala.Tuple2;

/**
 * One task's partial group aggregates, and the side file that carries them to the merge. Groups are written out
 * at the end of the partition, and earlier whenever they hold more than {@link #SPILL_IDS} distinct ids (a
 * partition of many languages of a large-vocabulary corpus), so a task's memory is bounded whatever the
 * vocabulary. The file is {@code part-<partition id>}, written under a temporary name and renamed into place
 * only when complete; a retried or speculative attempt of the same partition reads the same documents and
 * writes the same groups, and whichever complete file lands stays. So every partition is merged exactly once
 * however often its task runs, and nothing but small results ever reaches the driver.
 */
final class GroupPartials {
  /** Distinct (group, id) entries kept in memory before they are written out (about 100 MB). */
  static final long SPILL_IDS = 4_000_000;
  static final String PREFIX = "part-";

  private final Map<GroupKey, GroupStats> groups = new HashMap<>();
  private final String dir;
  private final HadoopConf conf;
  private ObjectOutputStream out;
  private FileSystem fs;
  private Path tmp;

  GroupPartials(String dir, HadoopConf conf) {
    this.dir = dir;
    this.conf = conf;
  }

  GroupStats group(GroupKey key) {
    return groups.computeIfAbsent(key, k -> new GroupStats());
  }

  boolean overBudget() {
    long ids = 0;
    for (GroupStats g : groups.values()) {
      ids += g.coverage().ids().distinct();
    }
    return ids > SPILL_IDS;
  }

  /** Writes the groups held so far and forgets them (callers must drop references to them). */
  void spill(int partition, long attempt) {
    try {
      if (out == null) {
        Path target = new Path(dir, PREFIX + partition);
        tmp = new Path(dir, "." + target.getName() + "-" + attempt + ".tmp");
        fs = tmp.getFileSystem(conf.get());
        out = new ObjectOutputStream(new BufferedOutputStream(fs.create(tmp, true), 1 << 16));
      }
      for (Map.Entry<GroupKey, GroupStats> e : groups.entrySet()) {
        out.writeObject(e.getKey());
        out.writeObject(e.getValue());
      }
      out.reset(); // the stream must not keep the written groups alive
      groups.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the tokenize pass's groups to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes the rest, closes the file and renames it into place (keeping a file another attempt completed). */
  void finish(int partition, long attempt) {
    spill(partition, attempt);
    Path target = new Path(dir, PREFIX + partition);
    try {
      out.writeObject(null);
      out.close();
      out = null;
      if (!fs.rename(tmp, target)) {
        if (!fs.exists(target)) {
          throw new IOException("cannot rename " + tmp + " to " + target);
        }
        fs.delete(tmp, false); // another attempt of this partition finished first: same documents, same groups
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the tokenize pass's groups to " + target + ": " + e.getMessage(), e);
    }
  }

  /** The (key, partial) records of one side file, read as they are consumed. */
  static Iterator<Tuple2<GroupKey, GroupStats>> read(String file, HadoopConf conf) throws IOException {
    Path p = new Path(file);
    ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(p.getFileSystem(conf.get()).open(p),
        1 << 16));
    return new Iterator<>() {
      private Tuple2<GroupKey, GroupStats> next = advance();

      private Tuple2<GroupKey, GroupStats> advance() {
        try {
          Object key = in.readObject();
          if (key == null) {
            in.close();
            return null;
          }
          return new Tuple2<>((GroupKey) key, (GroupStats) in.readObject());
        } catch (EOFException e) {
          throw new IllegalStateException(file + " ends before its end marker: a partial file was renamed", e);
        } catch (IOException | ClassNotFoundException e) {
          throw new IllegalStateException("reading " + file + ": " + e.getMessage(), e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Tuple2<GroupKey, GroupStats> next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Tuple2<GroupKey, GroupStats> r = next;
        next = advance();
        return r;
      }
    };
  }
}
