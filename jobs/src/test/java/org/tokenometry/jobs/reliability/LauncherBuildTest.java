package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.ReferenceData;

/**
 * Issue 20: {@code scripts/tokenometry tokenizers list} took 16 s. Part of it was the launcher's build check:
 * its stamp was target/classpath.txt, which Maven rewrites only when the classpath changes, so once any source
 * was newer than the first build every call ran Maven again. Runs the real launcher in a copy of the project's
 * layout, with a {@code mvn} that behaves as Maven does for that file and a {@code java} that does nothing.
 */
class LauncherBuildTest {
  @TempDir
  Path home;

  @Test
  void theLauncherBuildsOnlyWhenASourceChangedSinceTheLastBuild() throws Exception {
    Path root = ReferenceData.projectRoot();
    Files.createDirectories(home.resolve("scripts/lib"));
    Files.copy(root.resolve("scripts/tokenometry"), home.resolve("scripts/tokenometry"));
    Files.copy(root.resolve("scripts/lib/common.sh"), home.resolve("scripts/lib/common.sh"));
    Files.copy(root.resolve("pom.xml"), home.resolve("pom.xml"));
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf/tokenizers.yaml"), "tokenizers: {}\n");
    Path source = home.resolve("jobs/src/main/java/A.java");
    Files.createDirectories(source.getParent());
    Files.createDirectories(home.resolve("udfs/src"));
    Files.writeString(source, "class A {}\n");
    for (Path f : List.of(source, home.resolve("pom.xml"), home.resolve("conf/tokenizers.yaml"))) {
      Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
    }
    Path bin = Files.createDirectories(home.resolve("bin"));
    // Maven's dependency:build-classpath leaves classpath.txt alone when its content is unchanged
    script(bin.resolve("mvn"), "echo build >> '" + home.resolve("mvn.log") + "'\n"
        + "mkdir -p jobs/target && [ -f jobs/target/classpath.txt ] || echo /x.jar > jobs/target/classpath.txt\n");
    script(bin.resolve("java"), "exit 0\n");

    assertEquals(0, launch(bin));
    assertEquals(1, builds(), "first call builds");
    backdate("jobs/target/classpath.txt", "jobs/target/.launcher-built"); // that build was an hour ago
    assertEquals(0, launch(bin));
    assertEquals(1, builds(), "nothing changed: no build");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(2))); // edited since
    assertEquals(0, launch(bin));
    assertEquals(2, builds(), "a changed source builds once");
    assertEquals(0, launch(bin));
    assertEquals(0, launch(bin));
    assertEquals(2, builds(), "and then not again");
  }

  private void backdate(String... files) throws Exception {
    for (String f : files) {
      if (Files.exists(home.resolve(f))) {
        Files.setLastModifiedTime(home.resolve(f), FileTime.from(Instant.now().minusSeconds(3600)));
      }
    }
  }

  private int launch(Path bin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(home.resolve("scripts/tokenometry").toString(), "--version");
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.redirectErrorStream(true).redirectOutput(home.resolve("launch.log").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return p.exitValue();
  }

  private int builds() throws Exception {
    Path log = home.resolve("mvn.log");
    return Files.exists(log) ? (int) Files.readAllLines(log).stream().filter("build"::equals).count() : 0;
  }

  private static void script(Path file, String body) throws Exception {
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
