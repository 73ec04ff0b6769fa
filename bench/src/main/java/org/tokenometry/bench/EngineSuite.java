package org.tokenometry.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * Part 1: raw single-thread engine throughput outside Spark, every engine on the same two corpora in one JVM:
 * the reference engine (DJL) and the pure-Java engine per tokenizer, JTokkit for cl100k / o200k
 * ({@code countTokensOrdinary}, its cheapest path) and plain UTF-8 decoding as the ceiling.
 */
final class EngineSuite {
  /** Registry names JTokkit also implements. */
  static final Map<String, EncodingType> JTOKKIT = Map.of("gpt35turbo", EncodingType.CL100K_BASE,
      "gpt4o", EncodingType.O200K_BASE);

  private final TokenizerRegistry registry;
  private final EngineBench bench;

  EngineSuite(TokenizerRegistry registry, EngineBench bench) {
    this.registry = registry;
    this.bench = bench;
  }

  /** One row per (corpus, engine, tokenizer). */
  List<Map<String, Object>> run(Map<String, List<String>> corpora, List<String> tokenizers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    var jtokkitRegistry = Encodings.newLazyEncodingRegistry();
    for (Map.Entry<String, List<String>> c : corpora.entrySet()) {
      List<String> lines = c.getValue();
      long bytes = BenchCorpora.utf8Bytes(lines);
      List<byte[]> encoded = lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
      // the ceiling: turning the UTF-8 input into Java strings, which every engine needs first
      rows.add(row(c.getKey(), "utf8_decode", "-", bench.measure(encoded, bytes,
          b -> new String(b, StandardCharsets.UTF_8).length())));
      for (String name : tokenizers) {
        TokenizerRegistry.Resolved r = registry.resolve(name);
        for (String engine : List.of(TokenizerRegistry.ENGINE_JAVA, TokenizerRegistry.ENGINE_HF)) {
          Tokenizer t = TokenizerRegistry.open(r.name(), engine, r.file());
          rows.add(row(c.getKey(), engine, name, bench.measure(lines, bytes, s -> t.encode(s).size())));
        }
        EncodingType jt = JTOKKIT.get(name);
        if (jt != null) {
          Encoding enc = jtokkitRegistry.getEncoding(jt);
          rows.add(row(c.getKey(), "jtokkit", name, bench.measure(lines, bytes, enc::countTokensOrdinary)));
        }
      }
    }
    return rows;
  }

  private static Map<String, Object> row(String corpus, String engine, String tokenizer, Map<String, Object> m) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("corpus", corpus);
    row.put("engine", engine);
    row.put("tokenizer", tokenizer);
    row.putAll(m);
    @SuppressWarnings("unchecked")
    Map<String, Object> cpu = (Map<String, Object>) m.get("cpu_mb_per_s");
    System.err.printf("  engine %-12s %-11s %-12s %8.2f MB/s (cpu, median; min %.2f max %.2f)%n", corpus, engine,
        tokenizer, (Double) cpu.get("median"), (Double) cpu.get("min"), (Double) cpu.get("max"));
    return row;
  }
}
