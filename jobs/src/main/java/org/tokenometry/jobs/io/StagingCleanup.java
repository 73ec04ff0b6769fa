package org.tokenometry.jobs.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Clears {@code <output>/_staging} of what runs that died left there. Called by a run that holds the output's
 * lock, so no live run owns any of it. A run killed in the middle of swapping a table into place may have moved
 * the old table (or some of its partitions) aside to {@code _staging/<run>/<table>-old} before the new one was
 * in: whatever is missing from the table is put back from there first, so no table is lost; the rest (half
 * written tables, old versions already replaced) is deleted.
 */
public final class StagingCleanup {
  static final String STAGING = "_staging";
  static final String OLD_SUFFIX = "-old";

  private StagingCleanup() {}

  /** Removes every {@code _staging/<run>} except {@code ownRunId}'s; returns one line per thing done. */
  public static List<String> clean(FileSystem fs, Path output, String ownRunId) throws IOException {
    Path root = new Path(output, STAGING);
    List<String> done = new ArrayList<>();
    if (!fs.exists(root)) {
      return done;
    }
    for (FileStatus run : fs.listStatus(root)) {
      if (run.getPath().getName().equals(ownRunId)) {
        continue;
      }
      if (run.isDirectory()) {
        for (FileStatus child : fs.listStatus(run.getPath())) {
          String name = child.getPath().getName();
          if (child.isDirectory() && name.endsWith(OLD_SUFFIX)) {
            String table = name.substring(0, name.length() - OLD_SUFFIX.length());
            int restored = restore(fs, child.getPath(), new Path(output, table));
            if (restored > 0) {
              done.add("restored table " + table + " (" + (restored == 1 ? "1 folder" : restored + " folders")
                  + ") that run " + run.getPath().getName() + " had moved aside and not replaced");
            }
          }
        }
      }
      fs.delete(run.getPath(), true);
      done.add("removed " + run.getPath() + ", left by run " + run.getPath().getName());
    }
    if (fs.listStatus(root).length == 0) {
      fs.delete(root, false);
    }
    return done;
  }

  /** Removes {@code _staging/<runId>} (a run's own, at its end: a failed write may have left data there). */
  public static void removeRun(FileSystem fs, Path output, String runId) throws IOException {
    Path root = new Path(output, STAGING);
    Path run = new Path(root, runId);
    if (fs.exists(run)) {
      fs.delete(run, true);
    }
    if (fs.exists(root) && fs.listStatus(root).length == 0) {
      fs.delete(root, false);
    }
  }

  /**
   * Moves back what {@code old} holds and {@code table} lacks: the whole table (an unpartitioned swap moves the
   * folder with its {@code _SUCCESS}) or each partition folder. Returns how many folders came back.
   */
  private static int restore(FileSystem fs, Path old, Path table) throws IOException {
    if (!fs.exists(table)) {
      fs.mkdirs(table.getParent());
      return rename(fs, old, table);
    }
    if (fs.exists(new Path(old, "_SUCCESS"))) {
      return 0; // a whole old table, and the new version made it into place
    }
    int restored = 0;
    for (String rel : leaves(fs, old, "")) {
      Path dst = new Path(table, rel);
      if (!fs.exists(dst)) {
        fs.mkdirs(dst.getParent());
        restored += rename(fs, new Path(old, rel), dst);
      }
    }
    return restored;
  }

  private static int rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " back to " + to);
    }
    return 1;
  }

  /** Relative paths of the deepest {@code key=value} folders under {@code dir}. */
  private static List<String> leaves(FileSystem fs, Path dir, String rel) throws IOException {
    List<String> out = new ArrayList<>();
    for (FileStatus st : fs.listStatus(dir)) {
      String n = st.getPath().getName();
      if (st.isDirectory() && n.contains("=")) {
        String r = rel.isEmpty() ? n : rel + "/" + n;
        List<String> below = leaves(fs, st.getPath(), r);
        if (below.isEmpty()) {
          out.add(r);
        } else {
          out.addAll(below);
        }
      }
    }
    return out;
  }
}
