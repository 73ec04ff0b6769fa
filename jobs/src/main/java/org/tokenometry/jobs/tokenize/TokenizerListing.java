package org.tokenometry.jobs.tokenize;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerException;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/** The table behind {@code tokenizers list}: name, type, vocabulary size, source, cached or not. */
public final class TokenizerListing {
  private static final String FORMAT = "%-14s %-9s %-6s %9s  %-9s %s%n";

  private TokenizerListing() {}

  public static void print(TokenizerRegistry reg, PrintStream out) {
    out.printf(FORMAT, "NAME", "TYPE", "ENGINE", "VOCAB", "CACHED", "SOURCE");
    Set<String> names = new LinkedHashSet<>(reg.entries().keySet());
    names.addAll(reg.knownNames());
    for (String name : names) {
      TokenizerRegistry.Entry e = reg.entries().get(name);
      if (TokenizerRegistry.BASELINES.contains(name)) {
        Tokenizer t = reg.tokenizer(name);
        out.printf(FORMAT, name, "baseline", "-", t.vocabSize() < 0 ? "unbounded" : t.vocabSize(), "built-in",
            "built-in");
        continue;
      }
      String source = e != null && e.source() != null ? e.source() : "cache (not in the registry)";
      String engine = e != null ? e.engine() : TokenizerRegistry.ENGINE_HF;
      if (e != null && !e.enabled()) {
        out.printf(FORMAT, name, "hf", engine, "-", "disabled", source);
        continue;
      }
      Path file = e != null && e.path() != null ? null : reg.cachedFile(name);
      String cached;
      String vocab = "-";
      try {
        Tokenizer t = reg.tokenizer(name); // checks the registry's sha256
        vocab = String.valueOf(t.vocabSize());
        cached = "yes";
      } catch (TokenizerException ex) {
        cached = file != null && Files.isRegularFile(file) ? "BAD-HASH" : "no";
      }
      out.printf(FORMAT, name, "hf", engine, vocab, cached, source);
    }
  }
}
