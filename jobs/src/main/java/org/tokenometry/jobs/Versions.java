package org.tokenometry.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Software versions recorded in the run manifest. */
final class Versions {
  private Versions() {}

  static Map<String, String> all(SparkSession spark) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("tokenometry", String.valueOf(Versions.class.getPackage().getImplementationVersion()));
    v.put("spark", spark.version());
    v.put("scala", scala.util.Properties.versionNumberString());
    v.put("java", System.getProperty("java.version"));
    v.put("icu4j", com.ibm.icu.util.VersionInfo.ICU_VERSION.toString());
    v.put("hadoop", org.apache.hadoop.util.VersionInfo.getVersion());
    return v;
  }
}
