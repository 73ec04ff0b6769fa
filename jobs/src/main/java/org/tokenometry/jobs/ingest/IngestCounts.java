package org.tokenometry.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.config.CorpusConfig;

/**
 * The ingest stage's counts: per source, records (as the reader counted them) against the documents and
 * rejects actually emitted, in the manifest ({@code stages.ingest}) and on the console. A source where
 * records != documents + rejects fails the stage: a reader lost or invented records, a bug never to pass
 * silently.
 */
final class IngestCounts {
  private static final String[] SUMS = {"records", "blank_lines", "repaired_records", "repaired_chars"};

  private IngestCounts() {}

  static void record(StageContext ctx, Dataset<Row> all, List<SourceFile> files, List<CorpusConfig> corpora,
      List<Map<String, String>> skipped) {
    // one small aggregation (sources x reasons rows) gives the per-source counts and rejects by reason
    List<Row> groups = all.groupBy(
            coalesce(col("document.corpus"), col("reject.corpus"), col("stats.corpus")).as("corpus"),
            coalesce(col("document.source"), col("reject.source"), col("stats.source")).as("source"),
            col("reject.reason").as("reason"))
        .agg(count(col("document")).as("documents"), count(col("reject")).as("rejects"),
            sum(col("stats." + SUMS[0])), sum(col("stats." + SUMS[1])), sum(col("stats." + SUMS[2])),
            sum(col("stats." + SUMS[3])))
        .collectAsList();
    Map<String, long[]> bySource = new LinkedHashMap<>();
    Map<String, Long> byReason = new TreeMap<>();
    for (Row g : groups) {
      long[] c = bySource.computeIfAbsent(g.getString(0) + " " + g.getString(1), k -> new long[6]);
      for (int i = 0; i < 6; i++) {
        c[i] += g.isNullAt(3 + i) ? 0 : g.getLong(3 + i);
      }
      if (!g.isNullAt(2)) {
        byReason.merge(g.getString(2), g.getLong(4), Long::sum);
      }
    }
    List<SourceCounts> counts = new ArrayList<>();
    Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
    List<String> unbalanced = new ArrayList<>();
    for (SourceFile f : files) {
      String corpus = corpora.get(f.corpusIndex()).name();
      long[] r = bySource.getOrDefault(corpus + " " + f.uri(), new long[6]);
      SourceCounts c = new SourceCounts(f.uri(), corpus, r[2], r[0], r[1], r[3], r[4], r[5], f.size());
      counts.add(c);
      sources.computeIfAbsent(corpus, k -> new LinkedHashMap<>()).put(f.uri(), c.asMap());
      if (!bySource.containsKey(corpus + " " + f.uri()) || !c.balanced()) {
        unbalanced.add(f.uri() + " (" + c + ")");
      }
    }
    Map<String, Object> stage = ctx.manifest().stage("ingest");
    stage.put("files", files.size());
    stage.put("documents", counts.stream().mapToLong(SourceCounts::documents).sum());
    stage.put("rejects", counts.stream().mapToLong(SourceCounts::rejects).sum());
    stage.put("rejects_by_reason", byReason);
    stage.put("skipped", skipped);
    stage.put("sources", withEarlierCorpora(ctx, sources, corpora)); // corpus -> source URI -> counts
    ctx.console().result(IngestSummary.render(counts, byReason));
    if (!unbalanced.isEmpty()) {
      throw new IllegalStateException("ingest: records != documents + rejects for " + unbalanced);
    }
  }

  /**
   * This run's sources plus those of corpora an earlier run ingested into the same output and this run did not
   * read: their documents and rejects are still in the tables, so their counts stay in the manifest. The
   * other keys of the section ({@code files}, {@code documents}, {@code rejects}, {@code rejects_by_reason},
   * {@code skipped}) describe this run only.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> withEarlierCorpora(StageContext ctx, Map<String, Map<String, Object>> now,
      List<CorpusConfig> corpora) {
    Map<String, Object> merged = new LinkedHashMap<>();
    Object before = ctx.manifest().previousSection("ingest").get("sources");
    if (before instanceof Map<?, ?> m) {
      List<String> read = corpora.stream().map(CorpusConfig::name).toList();
      ((Map<String, Object>) m).forEach((corpus, s) -> {
        if (!read.contains(corpus)) {
          merged.put(corpus, s);
        }
      });
    }
    merged.putAll(now);
    return merged;
  }
}
