package org.tokenometry.jobs.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds an output's lock: the run, the user, and the process (host, pid, process start time). On Linux the
 * host is also told apart by its boot id and the pid namespace, so a container or a reboot never passes for
 * "this host": a pid is only looked up where it means the same process.
 */
public record LockOwner(
    @JsonProperty("run_id") String runId,
    @JsonProperty("user") String user,
    @JsonProperty("host") String host,
    @JsonProperty("pid") long pid,
    @JsonProperty("process_start") String processStart,
    @JsonProperty("boot_id") String bootId,
    @JsonProperty("pid_namespace") String pidNamespace,
    @JsonProperty("started") String started) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  /** Start times of one process, read twice, agree to the clock tick; a reused pid started later than this. */
  private static final Duration SAME_START = Duration.ofSeconds(1);

  /** What this process can say about the lock's owner. */
  public enum Verdict { ALIVE, DEAD, CANNOT_TELL }

  /** The verdict and, for people, why. */
  public record Judgement(Verdict verdict, String why) {}

  /** This JVM, running {@code runId}. */
  public static LockOwner current(String runId) {
    ProcessHandle self = ProcessHandle.current();
    return new LockOwner(runId, System.getProperty("user.name", "?"), hostName(), self.pid(),
        self.info().startInstant().map(Instant::toString).orElse(null), linux("/proc/sys/kernel/random/boot_id"),
        currentPidNamespace(), Instant.now().toString());
  }

  public byte[] toJson() throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
  }

  /** The owner a lock file names, or empty when it is not (yet) a whole lock file. */
  public static Optional<LockOwner> parse(byte[] json) {
    try {
      LockOwner o = JSON.readValue(json, LockOwner.class);
      return o.runId() == null || o.host() == null ? Optional.empty() : Optional.of(o);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** "run R of user@host (pid P, started T)". */
  public String describe() {
    return "run " + runId + " of " + user + "@" + host + " (pid " + pid + ", started " + started + ")";
  }

  /** Whether {@code this} (a lock's owner) is still running, as seen from {@code here}. */
  public Judgement judgeFrom(LockOwner here) {
    boolean sameHost = host.equals(here.host) && sameIfKnown(bootId, here.bootId)
        && sameIfKnown(pidNamespace, here.pidNamespace);
    if (!sameHost) {
      return new Judgement(Verdict.CANNOT_TELL, host.equals(here.host)
          ? "it ran under another boot or pid namespace of host " + host : "it ran on another host, " + host);
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return new Judgement(Verdict.DEAD, "no process " + pid + " is running on this host");
    }
    Optional<Instant> start = p.get().info().startInstant();
    if (processStart == null || start.isEmpty()) {
      return new Judgement(Verdict.ALIVE, "process " + pid + " is running (its start time cannot be read)");
    }
    Duration apart = Duration.between(Instant.parse(processStart), start.get()).abs();
    if (apart.compareTo(SAME_START) > 0) {
      return new Judgement(Verdict.DEAD, "process " + pid + " now is another program, started " + start.get());
    }
    return new Judgement(Verdict.ALIVE, "process " + pid + " is still running");
  }

  private static boolean sameIfKnown(String a, String b) {
    return a == null || b == null || a.equals(b);
  }

  private static String hostName() {
    String h = linux("/proc/sys/kernel/hostname");
    if (h != null) {
      return h;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Objects.requireNonNullElse(System.getenv("HOSTNAME"), "unknown-host");
    }
  }

  /** A one-line /proc file, or null off Linux. */
  private static String linux(String file) {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String currentPidNamespace() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
