package org.tokenometry.udfs.qa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepted model answers on disk, one file per sha256(model + prompt), so a rerun with the same seed asks the
 * endpoint only for attempts whose answer was rejected. Files are written to a temp name and moved into place,
 * so concurrent executors never read half an answer.
 */
public final class ResponseCache {
  private final Path dir;

  public ResponseCache(Path dir) {
    this.dir = dir;
  }

  public static String key(String model, String prompt) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(model.getBytes(StandardCharsets.UTF_8));
      md.update((byte) '\n');
      md.update(prompt.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".txt");
  }

  public Optional<String> get(String key) throws IOException {
    Path f = file(key);
    return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
  }

  public void put(String key, String answer) throws IOException {
    Path f = file(key);
    Files.createDirectories(f.getParent());
    Path tmp = f.resolveSibling(key + "." + UUID.randomUUID() + ".tmp");
    Files.writeString(tmp, answer, StandardCharsets.UTF_8);
    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Drops an entry (a cached answer the checks no longer accept); absent entries are fine. */
  public void remove(String key) throws IOException {
    Files.deleteIfExists(file(key));
  }
}
