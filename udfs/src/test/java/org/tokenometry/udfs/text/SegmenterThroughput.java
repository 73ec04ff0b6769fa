package org.tokenometry.udfs.text;

import com.ibm.icu.lang.UCharacter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tokenometry.udfs.metrics.DocumentText;

/**
 * Not a test: prints single-thread throughput of ICU vs the ASCII fast paths on English FLORES (dev+devtest).
 * Thread CPU time, warmed up by wall time, then rounds that alternate the cases so that a noisy shared machine
 * slows both sides of each comparison alike; best and median round per case. Each case has its own loop so the
 * JIT never sees two cases at one call site. Run by hand:
 * {@code java -cp udfs/target/classes:udfs/target/test-classes:<icu4j jar> org.tokenometry.udfs.text.SegmenterThroughput <shared/data>}.
 */
public final class SegmenterThroughput {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  private static final String[] NAMES = {
      "ICU word spans", "fast word spans", "ICU sentence count", "fast sentence count",
      "old DocumentText.of (all lines)", "DocumentText.of (all lines)",
      "old DocumentText.of (ASCII lines)", "DocumentText.of (ASCII lines)"};
  private static long sink;

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    List<String> all = new ArrayList<>();
    all.addAll(Files.readAllLines(data.resolve("flores200/dev/eng_Latn.dev")));
    all.addAll(Files.readAllLines(data.resolve("flores200/devtest/eng_Latn.devtest")));
    String[] allLines = all.toArray(String[]::new);
    String[] ascii = all.stream().filter(TextSegmenter::isAscii).toArray(String[]::new);
    System.out.printf("eng_Latn dev+devtest: %d lines, %d ASCII (%.1f %%), %d / %d UTF-8 bytes%n", allLines.length,
        ascii.length, 100.0 * ascii.length / allLines.length, utf8(ascii), utf8(allLines));
    for (int c = 0; c < NAMES.length; c++) { // warm-up by wall time: a loaded machine's JIT threads finish late
      for (long end = System.nanoTime() + 3_000_000_000L; System.nanoTime() < end; ) {
        once(c, ascii, allLines);
      }
    }
    int rounds = 15;
    long[][] ns = new long[NAMES.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int c = 0; c < NAMES.length; c++) {
        long t0 = MX.getCurrentThreadCpuTime();
        for (int k = 0; k < 10; k++) {
          once(c, ascii, allLines);
        }
        ns[c][r] = MX.getCurrentThreadCpuTime() - t0;
      }
    }
    double[] best = new double[NAMES.length];
    for (int c = 0; c < NAMES.length; c++) {
      long bytes = 10 * utf8(c == 4 || c == 5 ? allLines : ascii);
      long[] t = ns[c].clone();
      Arrays.sort(t);
      best[c] = bytes / (t[0] / 1e9) / 1e6;
      System.out.printf("%-34s best %7.1f MB/s   median %7.1f MB/s%n", NAMES[c], best[c], bytes / (t[rounds / 2] / 1e9) / 1e6);
    }
    System.out.printf("fast/ICU: words %.1fx, sentences %.1fx, DocumentText.of %.1fx (all lines), %.1fx (ASCII lines)"
        + "  (sink %d)%n", best[1] / best[0], best[3] / best[2], best[5] / best[4], best[7] / best[6], sink);
  }

  private static void once(int c, String[] ascii, String[] all) {
    switch (c) {
      case 0 -> { for (String s : ascii) { sink += TextSegmenter.icuWordSpans(s).length; } }
      case 1 -> { for (String s : ascii) { sink += AsciiWordSegmenter.wordSpans(s).length; } }
      case 2 -> { for (String s : ascii) { sink += TextSegmenter.icuCountSentences(s); } }
      case 3 -> { for (String s : ascii) { sink += AsciiSentenceSegmenter.countSentences(s); } }
      case 4 -> { for (String s : all) { sink += oldDocumentText(s); } }
      case 5 -> { for (String s : all) { sink += DocumentText.of(s).words(); } }
      case 6 -> { for (String s : ascii) { sink += oldDocumentText(s); } }
      default -> { for (String s : ascii) { sink += DocumentText.of(s).words(); } }
    }
  }

  /** DocumentText.of as it was before the fast path, for the before/after comparison. */
  private static long oldDocumentText(String text) {
    long nonWs = 0;
    long chars = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      chars++;
      if (!UCharacter.isUWhiteSpace(cp)) {
        nonWs++;
      }
      i += Character.charCount(cp);
    }
    long bytes = text.getBytes(StandardCharsets.UTF_8).length;
    return nonWs + chars + bytes + TextSegmenter.icuWordSpans(text).length + TextSegmenter.icuCountSentences(text);
  }

  private static long utf8(String[] lines) {
    long n = 0;
    for (String s : lines) {
      n += s.getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }
}
