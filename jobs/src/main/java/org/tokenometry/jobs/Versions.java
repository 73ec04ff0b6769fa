package org.tokenometry.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/** Software versions recorded in the run manifest; Tokenometry's own comes from the pom, through one resource. */
final class Versions {
  private static final String RESOURCE = "version.properties";

  private Versions() {}

  /** The pom's version, filtered into {@code version.properties} at build time (also what --version says). */
  static String tokenometry() {
    try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing beside " + Versions.class.getName()
            + ": build with Maven, which writes the version into it");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "");
      if (v.isBlank() || v.contains("${")) {
        throw new IllegalStateException(RESOURCE + " holds no version ('" + v + "'): build with Maven");
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> all(SparkSession spark) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("tokenometry", tokenometry());
    v.put("spark", spark.version());
    v.put("scala", scala.util.Properties.versionNumberString());
    v.put("java", System.getProperty("java.version"));
    v.put("icu4j", com.ibm.icu.util.VersionInfo.ICU_VERSION.toString());
    v.put("hadoop", org.apache.hadoop.util.VersionInfo.getVersion());
    return v;
  }

  /** picocli's {@code --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tokenometry " + tokenometry()};
    }
  }
}
