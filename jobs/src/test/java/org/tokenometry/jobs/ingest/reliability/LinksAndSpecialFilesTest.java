package org.tokenometry.jobs.ingest.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.config.IngestConfig;
import org.tokenometry.testing.SparkTest;

/**
 * Issue 17, item 4: a link cycle made one file be read 41 times, broken and self links were dropped silently,
 * and a FIFO blocked the run forever. Each real file is read once per corpus, however many paths, globs or
 * links (symbolic or hard) reach it; loops and second paths are reported in the manifest; entries that cannot be read as files
 * are reject rows; two corpora may read the same file.
 */
class LinksAndSpecialFilesTest extends SparkTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a FIFO that gets opened blocks forever: fail instead
  void eachRealFileOnceAndEverythingElseReported() throws Exception {
    Path c = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(c.resolve("a.txt"), "alpha\n");
    Path sub = Files.createDirectories(c.resolve("sub"));
    Files.writeString(sub.resolve("b.txt"), "beta\n");
    Files.createSymbolicLink(c.resolve("cycle"), Path.of("."));           // a loop back to the corpus folder
    Files.createSymbolicLink(sub.resolve("up"), Path.of(".."));            // a loop two levels deep
    Files.createSymbolicLink(c.resolve("again.txt"), Path.of("a.txt"));    // a second name for a.txt
    Files.createLink(c.resolve("hard.txt"), c.resolve("a.txt"));           // and a third, a hard link
    Files.createSymbolicLink(c.resolve("0-first-link.txt"), Path.of("sub/b.txt")); // sorts before the real one
    Files.createSymbolicLink(c.resolve("dangling.txt"), Path.of("missing.txt"));
    Files.createSymbolicLink(c.resolve("self.txt"), Path.of("self.txt"));
    Files.createSymbolicLink(c.resolve("null.txt"), Path.of("/dev/null"));
    Path fifo = c.resolve("pipe.txt");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("c.txt"), "gamma\n");
    Files.createSymbolicLink(c.resolve("linked-folder"), outside);         // a link to a folder elsewhere: read
    Files.writeString(c.resolve("_hidden.txt"), "not read\n");
    Files.writeString(c.resolve("odd: name #1 %20.txt"), "delta\n");          // characters URIs treat specially
    Files.createSymbolicLink(c.resolve("odd: gone.txt"), Path.of("missing.txt"));
    Path out = dir.resolve("out");
    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(c.resolve("socket.txt")));
      // the folder, a glob over it and one of its files: three paths to a.txt
      IngestChecks.ingest(spark, out, IngestConfig.defaults(),
          IngestChecks.lines("links", c.toString(), c + "/*.txt", c + "/a.txt"),
          IngestChecks.lines("second", c + "/a.txt"));
    }

    Map<String, Long> docs = new TreeMap<>();
    for (Row r : IngestChecks.documents(spark, out).groupBy("corpus", "text").count().collectAsList()) {
      docs.put(r.getString(0) + ":" + r.getString(1), r.getLong(2));
    }
    assertEquals(Map.of("links:alpha", 1L, "links:beta", 1L, "links:gamma", 1L, "links:delta", 1L,
        "second:alpha", 1L), docs,
        "every real file once per corpus; a file two corpora name is read by both");
    assertEquals("file:" + c + "/sub/b.txt", IngestChecks.documents(spark, out).where("text = 'beta'")
        .first().getAs("source"), "the file's own path is kept over a link's");

    Map<String, String> rejects = new TreeMap<>();
    for (Row r : IngestChecks.rejects(spark, out).collectAsList()) {
      String source = r.getAs("source");
      rejects.put(source.substring(source.lastIndexOf('/') + 1) + " " + r.getAs("reason"), r.getAs("detail"));
    }
    assertEquals(List.of("dangling.txt unreadable_file", "null.txt not_a_file", "odd: gone.txt unreadable_file",
        "pipe.txt not_a_file", "self.txt unreadable_file", "socket.txt not_a_file"), List.copyOf(rejects.keySet()));
    assertEquals("a broken symbolic link (to missing.txt, which does not exist)",
        rejects.get("dangling.txt unreadable_file"));
    assertTrue(rejects.get("self.txt unreadable_file").contains("Too many levels of symbolic links"),
        rejects.get("self.txt unreadable_file"));
    assertTrue(rejects.get("pipe.txt not_a_file").startsWith("a FIFO (named pipe): not read"),
        rejects.get("pipe.txt not_a_file"));
    assertTrue(rejects.get("socket.txt not_a_file").startsWith("a socket"), rejects.get("socket.txt not_a_file"));
    assertTrue(rejects.get("null.txt not_a_file").startsWith("a character device (" + c + "/null.txt links to "
        + "/dev/null)"), rejects.get("null.txt not_a_file"));

    @SuppressWarnings("unchecked")
    List<Map<String, String>> skipped = (List<Map<String, String>>) IngestChecks.ingestSection(out).get("skipped");
    Map<String, String> why = new TreeMap<>();
    skipped.forEach(s -> why.put(s.get("path").substring(s.get("path").indexOf("/corpus/") + 8), s.get("why")));
    assertEquals(List.of("0-first-link.txt", "_hidden.txt", "again.txt", "cycle", "hard.txt", "sub/up"),
        List.copyOf(why.keySet()));
    assertEquals("the same file as file:" + c + "/a.txt (read once per corpus)", why.get("hard.txt"));
    assertEquals("the same file as file:" + c + "/sub/b.txt (read once per corpus)", why.get("0-first-link.txt"));
    assertTrue(why.get("cycle").startsWith("a folder already listed (" + c + ")"), why.get("cycle"));
    IngestChecks.assertBalanced(spark, out);
  }
}
