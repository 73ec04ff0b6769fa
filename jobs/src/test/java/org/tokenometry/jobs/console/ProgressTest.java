package org.tokenometry.jobs.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  final AtomicLong now = new AtomicLong();
  final ByteArrayOutputStream buf = new ByteArrayOutputStream();

  Progress progress(long total) {
    return new Progress("tokenize", "docs", total, new PrintStream(buf, true, StandardCharsets.UTF_8), 3000,
        now::get);
  }

  String out() {
    return buf.toString(StandardCharsets.UTF_8);
  }

  static long secs(double s) {
    return (long) (s * 1e9);
  }

  @Test
  void staysQuietWithinTheFirstIntervalThenPrintsRateMegabytesAndEta() {
    Progress p = progress(12_000);
    now.set(secs(1));
    p.advance(1000, 2_000_000);
    assertEquals("", out(), "nothing within the first 3 s");
    now.set(secs(3));
    p.advance(2000, 4_000_000);
    // 3000 docs in 3 s; 6 MB in 3 s; 25 % done after 3 s -> 9 s left
    assertEquals("[tokenize] 3,000/12,000 docs  1,000 docs/s  2.0 MB/s  25%  ETA 0:09\n", out());
    now.set(secs(4));
    p.advance(1000, 0);
    assertEquals(1, out().lines().count(), "at most one line per interval");
    now.set(secs(6));
    p.advance(3000, 0);
    p.finish();
    assertEquals("[tokenize] 7,000 docs  1,167 docs/s  1.0 MB/s  in 0:06", out().lines().reduce((a, b) -> b).get());
  }

  @Test
  void shortWorkPrintsNothingAtAll() {
    Progress p = progress(-1);
    now.set(secs(2));
    p.advance(500);
    p.finish();
    assertEquals("", out());
  }

  @Test
  void anUnknownTotalShowsNoPercent() {
    Progress p = progress(-1);
    now.set(secs(20));
    p.set(800, 0, -1);
    assertEquals("[tokenize] 800 docs  40 docs/s\n", out());
  }

  @Test
  void clockTimeFormats() {
    assertEquals("0:07", Progress.clockTime(7));
    assertEquals("3:25", Progress.clockTime(205));
    assertEquals("1:02:03", Progress.clockTime(3723));
  }
}
