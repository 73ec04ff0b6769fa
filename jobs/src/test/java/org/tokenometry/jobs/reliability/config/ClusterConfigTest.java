package org.tokenometry.jobs.reliability.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tokenometry.jobs.config.ConfigCheck;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.testing.ReferenceData;

/**
 * Issue 17 item 19: conf/cluster.yaml pointed at a docs/cluster.md that did not exist, and named an AWS SDK v1
 * credentials provider that the S3A of Hadoop 3.4 (Spark 4.0.1's) no longer maps.
 */
class ClusterConfigTest {
  /** The SDK v1 names Hadoop 3.4's S3A still maps to v2 ones (CredentialProviderListFactory). */
  static final List<String> MAPPED_V1 = List.of("com.amazonaws.auth.AnonymousAWSCredentials",
      "com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper",
      "com.amazonaws.auth.InstanceProfileCredentialsProvider",
      "com.amazonaws.auth.EnvironmentVariableCredentialsProvider");

  @Test
  void theClusterExampleLoadsItsDocsExistAndItsS3CredentialsProviderIsOneS3aCanLoad() throws Exception {
    Path root = ReferenceData.projectRoot();
    Path cluster = root.resolve("conf/cluster.yaml");
    String text = Files.readString(cluster);
    Matcher doc = Pattern.compile("docs/[a-z-]+\\.md").matcher(text);
    assertTrue(doc.find(), "conf/cluster.yaml names its docs");
    assertTrue(Files.isRegularFile(root.resolve(doc.group())), root.resolve(doc.group()) + " is missing");

    PipelineConfig c = ConfigLoader.load(cluster);
    ConfigCheck.tokenizers(c, cluster); // names and registry files (paths are cluster URIs, not checked here)
    String provider = c.spark().get("spark.hadoop.fs.s3a.aws.credentials.provider");
    assertTrue(provider != null, "the example shows the S3A credentials key");
    for (String p : provider.split(",")) {
      String name = p.strip();
      assertTrue(name.startsWith("software.amazon.awssdk.auth.credentials.")
          || name.startsWith("org.apache.hadoop.fs.s3a.") || MAPPED_V1.contains(name),
          name + " is an AWS SDK v1 class that S3A in Hadoop 3.4 cannot load");
    }
    assertTrue(Files.readString(root.resolve(doc.group())).contains(provider.strip()),
        "docs/cluster.md explains the provider conf/cluster.yaml uses");
  }
}
