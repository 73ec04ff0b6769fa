package org.tokenometry.jobs.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;

/** The driver's Hadoop configuration (credentials, filesystem settings) carried to tasks, as Writable bytes. */
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
      conf = c;
    }
    return conf;
  }
}
