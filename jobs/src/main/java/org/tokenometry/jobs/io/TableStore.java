package org.tokenometry.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Parquet tables under {@code <output>/<table>/} on any Hadoop filesystem. A table is written to a staging
 * folder first and renamed into place only when complete, so a failed run never leaves a half-written table
 * that looks complete.
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
    if (!exists(table)) {
      throw new IllegalStateException("table '" + table + "' not found at " + path(table)
          + "; run the stage that writes it first (e.g. scripts/tokenometry run <config>)");
    }
    return spark.read().parquet(path(table));
  }

  /** Writes {@code df} as table {@code name}, replacing the previous version atomically (rename). */
  public void write(Dataset<Row> df, String name, String... partitionBy) {
    Path target = new Path(path(name));
    Path staging = new Path(output + "/_staging/" + runId + "/" + name + "-" + UUID.randomUUID());
    var writer = df.write().mode(SaveMode.Overwrite);
    if (partitionBy.length > 0) {
      writer = writer.partitionBy(partitionBy);
    }
    writer.parquet(staging.toString());
    try {
      FileSystem fs = fs(target);
      Path old = new Path(output + "/_staging/" + runId + "/" + name + "-old");
      if (fs.exists(target) && !fs.rename(target, old)) {
        throw new IOException("cannot move old table " + target + " aside");
      }
      fs.mkdirs(target.getParent());
      if (!fs.rename(staging, target)) {
        throw new IOException("cannot rename " + staging + " to " + target);
      }
      fs.delete(old, true);
      Path stagingRun = new Path(output + "/_staging/" + runId);
      FileStatusCheck.deleteIfEmpty(fs, stagingRun);
      FileStatusCheck.deleteIfEmpty(fs, stagingRun.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("writing table " + name + " to " + target + ": " + e.getMessage(), e);
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
        fs.delete(dir, false);
      }
    }
  }
}
