package org.tokenometry.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.types.StructType;

/**
 * Parquet tables under {@code <output>/<table>/} on any Hadoop filesystem. A table is written to a staging
 * folder ({@code _staging/<run>/}) first and renamed into place only when complete, so a failed run never
 * leaves a half-written table that looks complete; a failed write removes its staging folder, and what a killed
 * run left there is {@link StagingCleanup}'s.
 */
public final class TableStore {
  private final SparkSession spark;
  private final String output;
  private final String runId;

  public TableStore(SparkSession spark, String output, String runId) {
    this.spark = spark;
    this.output = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
    this.runId = runId;
  }

  public String output() {
    return output;
  }

  public String path(String table) {
    return output + "/" + table;
  }

  public boolean exists(String table) {
    try {
      Path p = new Path(path(table));
      return fs(p).exists(new Path(p, "_SUCCESS"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Dataset<Row> read(String table) {
    requireExists(table);
    return spark.read().parquet(path(table));
  }

  /**
   * As {@link #read(String)}, with the table's schema given: a partitioned table whose runs wrote no rows has no
   * data files to infer a schema from, and reads as empty.
   */
  public Dataset<Row> read(String table, StructType schema) {
    requireExists(table);
    return spark.read().schema(schema).parquet(path(table));
  }

  private void requireExists(String table) {
    if (!exists(table)) {
      throw new IllegalStateException("table '" + table + "' not found at " + path(table)
          + "; run the stage that writes it first (e.g. scripts/tokenometry run <config>)");
    }
  }

  /**
   * Writes {@code df} as table {@code name}. Unpartitioned: replaces the previous version atomically (rename).
   * Partitioned: replaces only the partitions {@code df} has rows for, each by rename, and keeps the others
   * (DESIGN §2: a rerun overwrites only its own partitions, so runs over different corpora can share an
   * output). Either way nothing is touched until Spark has written the whole new data to a staging folder, so
   * a job that fails midway leaves the previous table as it was.
   */
  public void write(Dataset<Row> df, String name, String... partitionBy) {
    write(df, name, Map.of(), partitionBy);
  }

  /** As {@link #write(Dataset, String, String...)}, with writer options (e.g. Parquet's row-group size). */
  public void write(Dataset<Row> df, String name, Map<String, String> options, String... partitionBy) {
    write(df, name, options, Set.of(), partitionBy);
  }

  /**
   * As {@link #write(Dataset, String, Map, String...)}, partitioned, where the run owns whole values of the
   * first partition column ({@code owned}, e.g. the corpora an ingest run read): every existing partition under
   * them is replaced, also those {@code df} has no rows for, so a rerun of a corpus leaves none of its old
   * languages or rejects behind. A table written earlier with another layout (not partitioned by the same first
   * column) is replaced whole.
   */
  public void write(Dataset<Row> df, String name, Map<String, String> options, Collection<String> owned,
      String... partitionBy) {
    stage(df, name, options, owned, partitionBy).commit();
  }

  /**
   * Runs the Spark write of {@code df} into this run's staging folder and returns it uncommitted: the table in
   * place is untouched until {@link Staged#commit()}, so a stage can check what the write produced (e.g. that
   * a generator got any answer at all) and {@link Staged#discard()} it instead.
   */
  public Staged stage(Dataset<Row> df, String name, Map<String, String> options, String... partitionBy) {
    return stage(df, name, options, Set.of(), partitionBy);
  }

  private Staged stage(Dataset<Row> df, String name, Map<String, String> options, Collection<String> owned,
      String... partitionBy) {
    Path stagingRun = new Path(output + "/" + StagingCleanup.STAGING + "/" + runId);
    Path staging = new Path(stagingRun, name + "-" + UUID.randomUUID());
    var writer = df.write().mode(SaveMode.Overwrite).options(options);
    if (partitionBy.length > 0) {
      writer = writer.partitionBy(partitionBy);
    }
    Staged staged = new Staged(name, staging, partitionBy, owned, df.schema());
    try {
      writer.parquet(staging.toString());
    } catch (Throwable e) { // Spark's own exceptions are checked ones Scala does not declare
      staged.discardQuietly(e);
      throw e;
    }
    return staged;
  }

  /** A table written to staging, not yet in place. */
  public final class Staged {
    private final String name;
    private final Path staging;
    private final String[] partitionBy;
    private final Collection<String> owned;
    private final StructType schema;

    private Staged(String name, Path staging, String[] partitionBy, Collection<String> owned, StructType schema) {
      this.name = name;
      this.staging = staging;
      this.partitionBy = partitionBy.clone();
      this.owned = List.copyOf(owned);
      this.schema = schema;
    }

    /**
     * Puts the table in place. Unpartitioned: replaces the previous version (rename). Partitioned: replaces the
     * owned first-level partitions whole and the other partitions written, and keeps the rest.
     */
    public void commit() {
      Path target = new Path(path(name));
      Path stagingRun = staging.getParent();
      try {
        FileSystem fs = fs(target);
        Path old = new Path(stagingRun, name + StagingCleanup.OLD_SUFFIX);
        if (partitionBy.length > 0 && fs.exists(new Path(target, "_SUCCESS"))
            && partitionedBy(fs, target, partitionBy[0])) {
          replaceOwned(fs, staging, target, old, partitionBy[0], owned);
          replacePartitions(fs, staging, target, old, partitionBy.length);
        } else {
          if (fs.exists(target) && !fs.rename(target, old)) {
            throw new IOException("cannot move old table " + target + " aside");
          }
          fs.mkdirs(target.getParent());
          if (!fs.rename(staging, target)) {
            throw new IOException("cannot rename " + staging + " to " + target);
          }
        }
        fs.delete(old, true);
        fs.delete(staging, true);
        if (partitionBy.length > 0) {
          keepSchemaReadable(fs, target, stagingRun);
        }
        FileStatusCheck.deleteIfEmpty(fs, stagingRun);
        FileStatusCheck.deleteIfEmpty(fs, stagingRun.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("writing table " + name + " to " + target + ": " + e.getMessage(), e);
      }
    }

    /**
     * A partitioned table without a row (e.g. {@code rejects} of a clean corpus) has no data file, and Parquet
     * readers, Spark's included, then cannot infer its schema ("UNABLE_TO_INFER_SCHEMA"). Such a table gets
     * a {@code _common_metadata} file, an empty Parquet file with the table's schema, which Spark reads for the
     * schema before any data file; once the table has data files again it goes, so it never outlives a schema
     * change.
     */
    private void keepSchemaReadable(FileSystem fs, Path target, Path stagingRun) throws IOException {
      Path meta = new Path(target, COMMON_METADATA);
      if (hasDataFile(fs, target)) {
        fs.delete(meta, false);
        return;
      }
      Path tmp = new Path(stagingRun, name + "-schema-" + UUID.randomUUID());
      spark.createDataFrame(List.of(), schema).coalesce(1).write().parquet(tmp.toString());
      for (var st : fs.listStatus(tmp)) {
        if (isDataFile(st.getPath().getName())) {
          fs.delete(meta, false);
          if (!fs.rename(st.getPath(), meta)) {
            throw new IOException("cannot rename " + st.getPath() + " to " + meta);
          }
          break;
        }
      }
      fs.delete(tmp, true);
    }

    /** Deletes the staged data; the table in place stays as it was. */
    public void discard() {
      try {
        FileSystem fs = fs(staging);
        fs.delete(staging, true);
        FileStatusCheck.deleteIfEmpty(fs, staging.getParent());
        FileStatusCheck.deleteIfEmpty(fs, staging.getParent().getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("removing " + staging + ": " + e.getMessage(), e);
      }
    }

    /** After a failed write: what Spark left is removed if possible, the write's own error is what counts. */
    private void discardQuietly(Throwable cause) {
      try {
        discard();
      } catch (RuntimeException e) {
        cause.addSuppressed(e); // the next run's StagingCleanup removes it
      }
    }
  }

  /**
   * Writes several unpartitioned tables at once, each as {@link #write(Dataset, String, String...)} does. A
   * small table's write is mostly Spark's per-job driver work (planning, job commit, renames), so writing the
   * stage's small aggregate tables side by side takes about half as long as one after another. Waits for all;
   * the first failure is thrown after the others have finished.
   */
  public void writeAll(Map<String, Dataset<Row>> tables) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, tables.size()), r -> {
      Thread t = new Thread(r, "tokenometry-table-writer");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> writes = new ArrayList<>();
      tables.forEach((name, df) -> writes.add(pool.submit(() -> write(df, name))));
      RuntimeException first = null;
      for (Future<?> w : writes) {
        try {
          w.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while writing tables " + tables.keySet(), e);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdown();
    }
  }

  static final String COMMON_METADATA = "_common_metadata";

  private static boolean isDataFile(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }

  private static boolean hasDataFile(FileSystem fs, Path table) throws IOException {
    var files = fs.listFiles(table, true);
    while (files.hasNext()) {
      if (isDataFile(files.next().getPath().getName())) {
        return true;
      }
    }
    return false;
  }

  /** Whether every visible entry of {@code table} is a {@code column=value} folder. */
  private static boolean partitionedBy(FileSystem fs, Path table, String column) throws IOException {
    for (var st : fs.listStatus(table)) {
      String n = st.getPath().getName();
      if (!n.startsWith("_") && !n.startsWith(".") && !(st.isDirectory() && n.startsWith(column + "="))) {
        return false;
      }
    }
    return true;
  }

  /** Moves each owned {@code column=value} folder of {@code target} aside and the staged one (if any) in. */
  private static void replaceOwned(FileSystem fs, Path staging, Path target, Path old, String column,
      Collection<String> owned) throws IOException {
    for (String value : owned) {
      String dir = column + "=" + ExternalCatalogUtils.escapePathName(value);
      Path dst = new Path(target, dir);
      if (fs.exists(dst) && !fs.rename(dst, mkParent(fs, new Path(old, dir)))) {
        throw new IOException("cannot move old partition " + dst + " aside");
      }
      Path src = new Path(staging, dir);
      if (fs.exists(src) && !fs.rename(src, dst)) {
        throw new IOException("cannot rename " + src + " to " + dst);
      }
    }
  }

  private static Path mkParent(FileSystem fs, Path p) throws IOException {
    fs.mkdirs(p.getParent());
    return p;
  }

  /** Moves each leaf partition folder of {@code staging} over the same folder of {@code target}. */
  private static void replacePartitions(FileSystem fs, Path staging, Path target, Path old, int depth)
      throws IOException {
    for (String rel : leafPartitions(fs, staging, depth)) {
      Path dst = new Path(target, rel);
      if (fs.exists(dst)) {
        Path aside = new Path(old, rel);
        fs.mkdirs(aside.getParent());
        if (!fs.rename(dst, aside)) {
          throw new IOException("cannot move old partition " + dst + " aside");
        }
      }
      fs.mkdirs(dst.getParent());
      if (!fs.rename(new Path(staging, rel), dst)) {
        throw new IOException("cannot rename " + new Path(staging, rel) + " to " + dst);
      }
    }
  }

  /** Relative paths such as {@code corpus=x/lang=y} of the folders {@code depth} levels below {@code dir}. */
  static List<String> leafPartitions(FileSystem fs, Path dir, int depth) throws IOException {
    List<String> found = new ArrayList<>();
    collect(fs, dir, "", depth, found);
    return found;
  }

  private static void collect(FileSystem fs, Path dir, String rel, int depth, List<String> found)
      throws IOException {
    if (depth == 0) {
      found.add(rel);
      return;
    }
    for (var st : fs.listStatus(dir)) {
      String n = st.getPath().getName();
      if (st.isDirectory() && n.contains("=") && !n.startsWith("_") && !n.startsWith(".")) {
        collect(fs, st.getPath(), rel.isEmpty() ? n : rel + "/" + n, depth - 1, found);
      }
    }
  }

  public FileSystem fs(Path p) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    return p.getFileSystem(conf);
  }

  /** Small helper: tidy staging folders without touching anything that still has content. */
  static final class FileStatusCheck {
    private FileStatusCheck() {}

    static void deleteIfEmpty(FileSystem fs, Path dir) throws IOException {
      if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
        try {
          fs.delete(dir, false);
        } catch (IOException e) {
          // another table's write (writeAll) put its staging folder here since the listing: keep the folder
          if (!fs.exists(dir) || fs.listStatus(dir).length == 0) {
            throw e;
          }
        }
      }
    }
  }
}
