package org.tokenometry.udfs.tokenizers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails early, with a message a cluster operator can act on, when this JVM runs on a Linux whose glibc is older
 * than the bundled Hugging Face tokenizers library needs. Without it the executor dies later with an opaque
 * {@code UnsatisfiedLinkError: ... version `GLIBC_2.34' not found}.
 *
 * <p>Java 17 has no stable FFI to call {@code gnu_get_libc_version()}, so the version comes from the mapped libc
 * file name in {@code /proc/self/maps} (glibc before 2.34 is named {@code libc-2.31.so}; from 2.34 on it is
 * {@code libc.so.6}), then from {@code getconf GNU_LIBC_VERSION}, then from {@code ldd --version}.
 */
public final class GlibcCheck {
  /** The oldest glibc the linux-x86_64/aarch64 libtokenizers.so shipped in ai.djl.huggingface:tokenizers links against. */
  public static final Version REQUIRED = new Version(2, 34);

  private static final Pattern MAPPED_LIBC = Pattern.compile("/libc-(\\d+)\\.(\\d+)(?:\\.\\d+)?\\.so\\b");
  private static final Pattern GETCONF = Pattern.compile("^\\s*glibc\\s+(\\d+)\\.(\\d+)");
  private static final Pattern LDD_FIRST_LINE = Pattern.compile("(?i)(?:glibc|gnu libc).*?\\s(\\d+)\\.(\\d+)\\s*$");

  private static volatile boolean passed;

  private GlibcCheck() {}

  /** A glibc major.minor version. */
  public record Version(int major, int minor) implements Comparable<Version> {
    @Override
    public int compareTo(Version o) {
      return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
      return major + "." + minor;
    }
  }

  /** Throws {@link IllegalStateException} when this JVM's glibc is known to be too old; a no-op elsewhere. */
  public static void requireSupported() {
    if (passed) {
      return;
    }
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      passed = true; // macOS/Windows builds of the library have no glibc requirement
      return;
    }
    Optional<Version> v = detect();
    // unknown (e.g. musl, or no getconf/ldd): let the native loader speak for itself
    v.ifPresent(found -> check(found, hostName()));
    passed = true;
  }

  /** The check itself, separate from detection so the message can be tested. */
  static void check(Version found, String host) {
    if (found.compareTo(REQUIRED) < 0) {
      throw new IllegalStateException("glibc " + found + " on " + host + " is older than " + REQUIRED
          + ", which the bundled Hugging Face tokenizers library (ai.djl.huggingface:tokenizers) needs. "
          + "Run the executors on a newer OS image (e.g. Debian 12, Ubuntu 22.04, RHEL 9), or point "
          + "RUST_LIBRARY_PATH at a libtokenizers.so built against this glibc.");
    }
  }

  /** This JVM's glibc version, if it can be found out. */
  public static Optional<Version> detect() {
    try {
      Optional<Version> fromMaps = fromProcMaps(Files.readAllLines(Path.of("/proc/self/maps")));
      if (fromMaps.isPresent()) {
        return fromMaps;
      }
    } catch (IOException | RuntimeException e) {
      // no /proc: fall through to the commands
    }
    Optional<Version> fromGetconf = run(List.of("getconf", "GNU_LIBC_VERSION")).flatMap(GlibcCheck::fromGetconf);
    if (fromGetconf.isPresent()) {
      return fromGetconf;
    }
    return run(List.of("ldd", "--version")).flatMap(GlibcCheck::fromLdd);
  }

  /** {@code /proc/self/maps} lines: only glibc before 2.34 names its file with the version. */
  static Optional<Version> fromProcMaps(List<String> lines) {
    for (String line : lines) {
      Matcher m = MAPPED_LIBC.matcher(line);
      if (m.find()) {
        return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
      }
    }
    return Optional.empty();
  }

  /** {@code getconf GNU_LIBC_VERSION} prints e.g. {@code glibc 2.36}. */
  static Optional<Version> fromGetconf(String output) {
    Matcher m = GETCONF.matcher(output);
    return m.find() ? Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  /** First line of {@code ldd --version}, e.g. {@code ldd (Debian GLIBC 2.36-9+deb12u4) 2.36}; musl prints no version. */
  static Optional<Version> fromLdd(String output) {
    String first = output.lines().findFirst().orElse("");
    Matcher m = LDD_FIRST_LINE.matcher(first);
    return m.find() ? Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  private static Optional<String> run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        out = String.join("\n", r.lines().toList());
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "this host";
    }
  }
}
