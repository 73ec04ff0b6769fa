package org.tokenometry.udfs.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable identifiers. A document without a given id is named by SHA-1 of its source URI and 1-based record
 * number (first 16 hex digits), so the same file read twice yields the same ids. The shard is SHA-1 of the
 * doc_id mod the shard count: stable, and independent of Java's String.hashCode.
 */
public final class DocIds {
  private DocIds() {}

  public static String docId(String source, long recordNo) {
    byte[] h = sha1(source + "#" + recordNo);
    return HexFormat.of().formatHex(h, 0, 8);
  }

  public static int shard(String docId, int shards) {
    if (shards <= 0) {
      throw new IllegalArgumentException("shards must be positive, got " + shards);
    }
    byte[] h = sha1(docId);
    long v = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
    return (int) (v % shards);
  }

  /**
   * {@code <corpus>:<split>:<recordNo>}, e.g. {@code flores200:dev:17} for line 17 of {@code dev/eng_Latn.dev}:
   * equal across the languages of a parallel corpus because only the language code differs in the file names.
   */
  public static String parallelId(String corpus, String split, long recordNo) {
    return corpus + ":" + split + ":" + recordNo;
  }

  private static byte[] sha1(String s) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
    }
  }
}
