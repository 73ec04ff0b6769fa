package org.tokenometry.udfs.tokenizers.pure;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.tokenometry.udfs.tokenizers.HfTokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerFiles;

/**
 * Rough single-thread throughput (MB/s of UTF-8 input) of this engine, the reference engine (DJL) and JTokkit
 * on English FLORES text, one line per call, in CPU seconds of the calling thread (WordPiece: this engine and
 * the reference engine only). Not a test: run by hand, e.g.
 * {@code java -cp <test classpath> org.tokenometry.udfs.tokenizers.pure.EngineThroughput ../shared/data [minilm,gpt4o]}.
 * This engine and the reference engine produce ids and offsets; JTokkit produces ids only.
 */
public final class EngineThroughput {
  private EngineThroughput() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    List<String> only = args.length > 1 ? List.of(args[1].split(",")) : List.of(); // e.g. minilm
    List<String> lines = new ArrayList<>();
    for (String split : new String[] {"dev/eng_Latn.dev", "devtest/eng_Latn.devtest"}) {
      lines.addAll(Files.readAllLines(data.resolve("flores200").resolve(split), StandardCharsets.UTF_8));
    }
    long bytes = lines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.printf("English FLORES dev+devtest: %d lines, %.2f MB%n", lines.size(), bytes / 1e6);
    String[][] models = {{"gpt35turbo", "CL100K_BASE"}, {"gpt4o", "O200K_BASE"}};
    for (String[] m : models) {
      if (!only.isEmpty() && !only.contains(m[0])) {
        continue;
      }
      Path file = TokenizerFiles.cached(m[0]);
      JavaBpeTokenizer java = JavaBpeTokenizer.load(m[0], file);
      var jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.valueOf(m[1]));
      double javaRate = rate(lines, bytes, t -> java.encode(t).size());
      double jtokkitRate = rate(lines, bytes, t -> jtokkit.encode(t).size());
      double hfRate;
      try (HfTokenizer hf = HfTokenizer.load(m[0], file)) {
        hfRate = rate(lines, bytes, t -> hf.encode(t).size());
      }
      System.out.printf("%-11s java %6.1f MB/s | reference (DJL) %5.1f MB/s | JTokkit %5.1f MB/s | java/ref %.1fx,"
          + " java/JTokkit %.2fx%n", m[0], javaRate, hfRate, jtokkitRate, javaRate / hfRate, javaRate / jtokkitRate);
    }
    for (String name : new String[] {"minilm", "bge_small_zh"}) { // WordPiece: no JTokkit counterpart
      if (!only.isEmpty() && !only.contains(name)) {
        continue;
      }
      Path file = TokenizerFiles.cached(name);
      WordPieceTokenizer java = WordPieceTokenizer.load(name, file);
      double javaRate = rate(lines, bytes, t -> java.encode(t).size());
      double hfRate;
      try (HfTokenizer hf = HfTokenizer.load(name, file)) {
        hfRate = rate(lines, bytes, t -> hf.encode(t).size());
      }
      System.out.printf("%-12s java %6.1f MB/s | reference (DJL) %5.1f MB/s | java/ref %.1fx%n", name, javaRate, hfRate,
          javaRate / hfRate);
    }
  }

  /**
   * Warms up for about 3 s, then measures passes over the lines for about 5 s of this thread's CPU time
   * (CPU rather than wall time, so a machine shared with other work skews the comparison less).
   */
  private static double rate(List<String> lines, long bytes, ToIntFunction<String> encode) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (long until = cpu.getCurrentThreadCpuTime() + 3_000_000_000L; cpu.getCurrentThreadCpuTime() < until; ) {
      for (String l : lines) {
        sink += encode.applyAsInt(l);
      }
    }
    long start = cpu.getCurrentThreadCpuTime();
    long passes = 0;
    while (cpu.getCurrentThreadCpuTime() - start < 5_000_000_000L) {
      for (String l : lines) {
        sink += encode.applyAsInt(l);
      }
      passes++;
    }
    double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
    if (sink == 42) {
      System.out.print("");
    }
    return passes * bytes / 1e6 / seconds;
  }
}
