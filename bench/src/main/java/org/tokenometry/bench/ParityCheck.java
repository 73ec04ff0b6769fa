package org.tokenometry.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;
import org.tokenometry.udfs.tokenizers.pure.EngineParity;

/**
 * {@code scripts/bench --parity}: every tokenizer the registry runs with {@code engine: java} against the
 * reference engine on every FLORES-200 line (dev and devtest, all languages, one line per call) and on every
 * domain corpus file (whole file per call). Prints each mismatching file with its first difference.
 */
final class ParityCheck {
  private ParityCheck() {}

  /** Number of files with mismatches, over all tokenizers. */
  static int run(TokenizerRegistry registry, BenchCorpora corpora, List<String> only) {
    List<Path> flores = new ArrayList<>(corpora.floresFiles("dev"));
    flores.addAll(corpora.floresFiles("devtest"));
    List<Path> domain = corpora.domainFiles();
    int bad = 0;
    for (TokenizerRegistry.Entry e : registry.entries().values()) {
      if (!e.enabled() || !TokenizerRegistry.ENGINE_JAVA.equals(e.engine())
          || (!only.isEmpty() && !only.contains(e.name()))) {
        continue;
      }
      TokenizerRegistry.Resolved r = registry.resolve(e.name());
      Tokenizer java = TokenizerRegistry.open(r.name(), TokenizerRegistry.ENGINE_JAVA, r.file());
      Tokenizer reference = TokenizerRegistry.open(r.name(), TokenizerRegistry.ENGINE_HF, r.file());
      long t0 = System.nanoTime();
      // files are independent and both engines are thread-safe (Spark shares them across task threads)
      List<long[]> counts = flores.parallelStream().map(f -> {
        List<String> text = BenchCorpora.read(f);
        long[] c = new long[3]; // texts, tokens, mismatching texts
        String first = null;
        for (int i = 0; i < text.size(); i++) {
          String d = EngineParity.diff(reference, java, text.get(i));
          c[0]++;
          c[1] += java.count(text.get(i));
          if (d != null && c[2]++ == 0) {
            first = "line " + (i + 1) + ": " + d;
          }
        }
        if (c[2] > 0) {
          System.out.printf("  MISMATCH %s %s: %d lines, first %s%n", e.name(), f, c[2], first);
        }
        return c;
      }).toList();
      long lines = counts.stream().mapToLong(c -> c[0]).sum();
      long tokens = counts.stream().mapToLong(c -> c[1]).sum();
      int badFiles = (int) counts.stream().filter(c -> c[2] > 0).count();
      for (Path f : domain) {
        String text = String.join("\n", BenchCorpora.read(f));
        String d = EngineParity.diff(reference, java, text);
        lines++;
        tokens += java.count(text);
        if (d != null) {
          badFiles++;
          System.out.printf("  MISMATCH %s %s (whole file): %s%n", e.name(), f, d);
        }
      }
      System.out.printf("%-12s %d FLORES files + %d domain files, %d texts, %d tokens: %d files with mismatches"
          + " (%.0f s)%n", e.name(), flores.size(), domain.size(), lines, tokens, badFiles,
          (System.nanoTime() - t0) / 1e9);
      bad += badFiles;
    }
    return bad;
  }
}
