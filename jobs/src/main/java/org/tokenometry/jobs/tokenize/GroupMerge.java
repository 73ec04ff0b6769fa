package org.tokenometry.jobs.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.udfs.metrics.IdCounts;
import org.tokenometry.udfs.metrics.LanguageKey;
import org.tokenometry.udfs.metrics.LanguageStats;
import scala.Tuple2;

/**
 * The second, small job of the tokenize stage: merges the pass's partial groups (one side file per partition,
 * {@link GroupPartials}) by tokenizer x corpus x lang on the executors, and turns each merged language into its
 * share of the tables ({@link LanguageStats#summarize}: sums, Rényi efficiency, distinct ids, top tokens, lexicon
 * rates, round trip, robustness, digit runs), then sums the languages' id counts per tokenizer x corpus for the
 * vocabulary census ({@link CorpusSummaries}). Only summaries and those sums reach the driver, so its memory does
 * not grow with languages; id counts travel through the shuffle, and Spark spills the merge to disk when it must.
 */
final class GroupMerge {
  /** Side-file bytes per merge task. */
  private static final long BYTES_PER_TASK = 32L << 20;

  private GroupMerge() {}

  /** The languages' summaries, and per tokenizer (with a vocabulary) x corpus the id counts of every language. */
  record Merged(List<LanguageStats.Summary> summaries, Map<String, Map<String, IdCounts>> idsByTokenizerCorpus) {
    static final Merged EMPTY = new Merged(List.of(), Map.of());
  }

  static Merged run(SparkSession spark, String dir, HadoopConf conf,
      List<ShippedTokenizer> tokenizers, TokenizeConfig cfg, Map<String, Set<String>> lexicons) {
    List<String> files = new ArrayList<>();
    long bytes = 0;
    try {
      Path d = new Path(dir);
      FileSystem fs = d.getFileSystem(conf.get());
      for (FileStatus st : fs.listStatus(d)) {
        if (st.getPath().getName().matches(GroupPartials.PREFIX + "\\d+")) {
          files.add(st.getPath().toString());
          bytes += st.getLen();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("listing the tokenize pass's groups in " + dir + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      return Merged.EMPTY;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int tasks = (int) Math.max(jsc.defaultParallelism(), Math.min(10_000, (bytes + BYTES_PER_TASK - 1) / BYTES_PER_TASK));
    Map<String, ShippedTokenizer> byName = new HashMap<>();
    tokenizers.forEach(t -> byName.put(t.name(), t));
    Broadcast<Map<String, Set<String>>> words = jsc.broadcast(lexicons);
    double alpha = cfg.renyiAlpha();
    int top = cfg.topTokens();
    try {
      List<Tuple2<Tuple2<String, String>, CorpusSummaries>> corpora = jsc.parallelize(files, files.size())
          .flatMapToPair(file -> {
            var records = GroupPartials.read(file, conf);
            return new java.util.Iterator<Tuple2<LanguageKey, LanguageStats>>() {
              @Override
              public boolean hasNext() {
                return records.hasNext();
              }

              @Override
              public Tuple2<LanguageKey, LanguageStats> next() {
                var r = records.next();
                return new Tuple2<>(LanguageKey.of(r._1()), LanguageStats.of(r._1().domain(), r._2()));
              }
            };
          })
          // each file holds a key at most once per spill: nothing to combine before the shuffle
          .combineByKey(s -> s, LanguageStats::merge, LanguageStats::merge, new HashPartitioner(tasks), false, null)
          .map(kv -> kv._2().summarize(kv._1(), byName.get(kv._1().tokenizer()).open(), alpha, top,
              words.value().get(kv._1().lang())))
          .mapToPair(s -> new Tuple2<>(new Tuple2<>(s.coverage().tokenizer(), s.coverage().corpus()),
              CorpusSummaries.of(s)))
          .reduceByKey(CorpusSummaries::merge)
          .collect();
      List<LanguageStats.Summary> summaries = new ArrayList<>();
      Map<String, Map<String, IdCounts>> ids = new HashMap<>();
      for (Tuple2<Tuple2<String, String>, CorpusSummaries> c : corpora) {
        summaries.addAll(c._2().summaries());
        if (c._2().ids() != null) {
          ids.computeIfAbsent(c._1()._1(), k -> new HashMap<>()).put(c._1()._2(), c._2().ids());
        }
      }
      return new Merged(summaries, ids);
    } finally {
      words.destroy();
    }
  }
}
