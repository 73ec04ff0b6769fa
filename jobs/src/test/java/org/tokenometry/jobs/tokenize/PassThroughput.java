package org.tokenometry.jobs.tokenize;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerFiles;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * The tokenize pass's own CPU against its engines', on one thread and without Spark: every FLORES line of a split
 * (files in sorted order, as the stage reads them) through {@link PartitionTokenizer} with all tokenizers, against
 * each tokenizer file's engine alone over the same lines. Not a test: run by hand to see where a change moves the
 * ratio (CPU seconds of the measuring thread; compare runs made side by side in one process).
 * {@code java -cp <jobs test classpath> org.tokenometry.jobs.tokenize.PassThroughput --data ../shared/data
 * [--split dev] [--rounds 2] [--blocks 2048:1048576,8192:4194304]}
 */
public final class PassThroughput {
  private static final List<String> FILES = List.of("gpt4o", "gpt35turbo", "llama3", "qwen3", "deepseek_v3",
      "claude", "mistral7b", "llama2", "gemma3", "gemini", "minilm", "bge_small_zh");
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private PassThroughput() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("../shared/data");
    String split = "dev";
    int rounds = 2;
    String blocks = "2048:1048576";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--split" -> split = args[++i];
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--blocks" -> blocks = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<String[]> docs = new ArrayList<>();
    long bytes = 0;
    String suffix = "." + split;
    try (Stream<Path> s = Files.list(data.resolve("flores200").resolve(split))) {
      for (Path f : s.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
        String lang = f.getFileName().toString().replace(suffix, "");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          docs.add(new String[] {lang + ":" + i, lang, split + ":" + i, lines.get(i)});
          bytes += lines.get(i).getBytes(StandardCharsets.UTF_8).length;
        }
      }
    }
    List<ShippedTokenizer> shipped = new ArrayList<>();
    for (String name : FILES) {
      shipped.add(new ShippedTokenizer(name, TokenizerRegistry.ENGINE_JAVA, null,
          TokenizerFiles.cached(name).toString(), null));
    }
    for (String name : TokenizerRegistry.BASELINES) {
      shipped.add(new ShippedTokenizer(name, "baseline", null, null, null));
    }
    List<Tokenizer> tokenizers = shipped.stream().map(ShippedTokenizer::open).toList();
    System.out.printf("%d documents, %.1f MB, %d tokenizers%n", docs.size(), bytes / 1e6, tokenizers.size());
    Path tmp = Files.createTempDirectory("pass-throughput");
    for (int round = 0; round < rounds; round++) {
      double raw = 0;
      double baselines = 0;
      for (Tokenizer t : tokenizers) {
        long c0 = CPU.getCurrentThreadCpuTime();
        for (String[] d : docs) {
          t.encode(d[3]);
        }
        double s = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
        if ("baseline".equals(t.type())) {
          baselines += s;
        } else {
          raw += s;
        }
      }
      System.out.printf("round %d: raw engines %.2f CPU-s (12 files), baselines %.2f%n", round, raw, baselines);
      for (String b : blocks.split(",")) {
        String[] kv = b.split(":");
        PartitionTokenizer pass = new PartitionTokenizer(shipped, tmp.resolve("r" + round + "-" + b).toString(),
            new HadoopConf(new Configuration()), 0, 0, Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
        long c0 = CPU.getCurrentThreadCpuTime();
        Iterator<InternalRow> out = pass.call(rows(docs));
        long n = 0;
        while (out.hasNext()) {
          out.next();
          n++;
        }
        double s = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("round %d: pass (blocks %s) %.2f CPU-s, %d rows; pass / raw engines %.2f%n", round, b, s, n,
            s / raw);
      }
    }
  }

  private static Iterator<InternalRow> rows(List<String[]> docs) {
    UTF8String corpus = UTF8String.fromString("flores200");
    UTF8String domain = UTF8String.fromString("general");
    return docs.stream().map(d -> (InternalRow) new GenericInternalRow(new Object[] {UTF8String.fromString(d[0]),
        corpus, domain, UTF8String.fromString(d[1]), UTF8String.fromString(d[2]), UTF8String.fromString(d[3])}))
        .iterator();
  }
}
