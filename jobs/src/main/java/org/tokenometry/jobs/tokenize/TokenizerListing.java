package org.tokenometry.jobs.tokenize;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tokenometry.udfs.tokenizers.TokenizerException;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;
import org.tokenometry.udfs.tokenizers.VocabSizes;

/**
 * The table behind {@code tokenizers list}: name, type, engine, vocabulary size, cached or not, source. No
 * engine is built: each file is hashed against the registry and its vocabulary size read from a memo keyed by
 * that hash ({@link VocabSizes}), so the list costs a JVM start, not a load of every tokenizer.
 */
public final class TokenizerListing {
  private static final String FORMAT = "%-14s %-9s %-6s %9s  %-9s %s%n";

  private TokenizerListing() {}

  public static void print(TokenizerRegistry reg, PrintStream out) {
    Set<String> names = new LinkedHashSet<>(reg.entries().keySet());
    names.addAll(reg.knownNames());
    VocabSizes sizes = new VocabSizes(reg.cacheDir().resolve(VocabSizes.MEMO_DIR));
    // the rows hash and (the first time) parse files; one file per core at a time, printed in order
    List<String> rows = new ArrayList<>(names).parallelStream().map(n -> row(reg, sizes, n)).toList();
    out.printf(FORMAT, "NAME", "TYPE", "ENGINE", "VOCAB", "CACHED", "SOURCE");
    rows.forEach(out::print);
  }

  private static String row(TokenizerRegistry reg, VocabSizes sizes, String name) {
    TokenizerRegistry.Entry e = reg.entries().get(name);
    if (TokenizerRegistry.BASELINES.contains(name)) {
      int v = reg.tokenizer(name).vocabSize();
      return String.format(FORMAT, name, "baseline", "-", v < 0 ? "unbounded" : v, "built-in", "built-in");
    }
    String source = e != null && e.source() != null ? e.source() : "cache (not in the registry)";
    String engine = e != null ? e.engine() : TokenizerRegistry.ENGINE_HF;
    if (e != null && !e.enabled()) {
      return String.format(FORMAT, name, "hf", engine, "-", "disabled", source);
    }
    String cached;
    String vocab = "-";
    try {
      TokenizerRegistry.Resolved r = reg.resolve(name); // checks the registry's sha256
      vocab = String.valueOf(sizes.of(r.file(), r.sha256()));
      cached = "yes";
    } catch (TokenizerException ex) {
      boolean present = e != null && e.path() == null && java.nio.file.Files.isRegularFile(reg.cachedFile(name));
      cached = present ? "BAD-HASH" : "no";
    }
    return String.format(FORMAT, name, "hf", engine, vocab, cached, source);
  }
}
