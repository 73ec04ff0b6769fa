package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 item 17: the manifest records Tokenometry's version (it said null), the same one --version prints. */
class VersionRecordedTest {
  @TempDir Path dir;

  /** The version in the parent pom, the one definition. */
  static String pomVersion() throws Exception {
    Path pom = Path.of(System.getProperty("tokenometry.projectRoot", "..")).resolve("pom.xml");
    Matcher m = Pattern.compile("<artifactId>tokenometry-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(pom));
    assertTrue(m.find(), "no version in " + pom);
    return m.group(1);
  }

  @Test
  void theManifestAndVersionOptionSayThePomsVersion() throws Exception {
    String version = pomVersion();
    Path cfg = RunFixtures.config(dir, "");
    CliRun r = CliRun.of("run", cfg.toString(), "--master", "local[1]", "-q");
    assertEquals(0, r.code(), r.toString());
    assertEquals(version, RunFixtures.manifest(dir.resolve("out")).path("versions").path("tokenometry").asText());
    CliRun v = CliRun.of("--version");
    assertEquals(0, v.code());
    assertEquals("tokenometry " + version, v.out().strip());
  }
}
