package org.tokenometry.jobs.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The driver's Hadoop configuration (credentials, filesystem settings) carried to the reading tasks, as Writable
 * bytes; on the task side local files are read without Hadoop's checksum layer.
 */
final class HadoopConf implements Serializable {
  private final byte[] bytes;
  private transient Configuration conf;

  HadoopConf(Configuration conf) {
    try (ByteArrayOutputStream bos = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bos)) {
      conf.write(out);
      out.flush();
      this.bytes = bos.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Configuration get() {
    if (conf == null) {
      Configuration c = new Configuration(false);
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        c.readFields(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // tasks read local corpora through the raw local filesystem: the checksum layer only serves Hadoop's own
      // .crc side files, and it cannot even name the side file of a file whose name holds a ':' (so such a file
      // could not be opened). Uncached, since the filesystem cache ignores the configuration.
      c.setClass("fs.file.impl", RawLocalFileSystem.class, FileSystem.class);
      c.setBoolean("fs.file.impl.disable.cache", true);
      conf = c;
    }
    return conf;
  }
}
