package org.tokenometry.jobs.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tokenometry.jobs.report.BestChunkSettings;
import org.tokenometry.jobs.report.ChunkSize;
import org.tokenometry.jobs.report.ReportData;
import org.tokenometry.jobs.report.UnknownTokens;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.RetrievalRow;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * The closing summary of a run, for an 80-column terminal: the worst token premiums, the best compression per
 * domain, the best chunk setting per corpus and tokenizer, rejected records by reason, and where the report is.
 */
public final class RunSummary {
  public static final int WIDTH = 80;

  private RunSummary() {}

  /**
   * Prints the summary through {@code result}. Best-effort: it comes after the run has succeeded, so a table it
   * cannot read (e.g. an old table with an unreadable part file) costs one warning line on {@code warnings},
   * never the run's exit code.
   */
  public static void print(Supplier<ReportData> data, int topN, String output, boolean reportWritten,
      Consumer<String> result, PrintStream warnings) {
    List<String> lines;
    try {
      lines = lines(data.get(), topN, output, reportWritten);
    } catch (Exception | LinkageError e) { // Spark's read errors are checked exceptions Scala does not declare
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
      warnings.println("warning: no summary, the run itself succeeded: " + why);
      return;
    }
    lines.forEach(result);
  }

  public static List<String> lines(ReportData data, int topN, String output, boolean reportWritten) {
    List<String> out = new ArrayList<>();
    out.add("-".repeat(WIDTH));
    out.add("Summary");
    UnknownTokens unknown = new UnknownTokens(data.coverage());
    List<CompressionRow> premiums = data.compression().stream().filter(r -> r.premium() != null)
        .filter(r -> !unknown.flagged(r.tokenizer(), r.corpus(), r.lang())) // an [UNK] artefact ranks nothing
        .sorted(Comparator.comparing(CompressionRow::premium).reversed()).limit(topN).toList();
    if (!premiums.isEmpty()) {
      out.add("");
      out.add("Highest token premiums (tokens relative to the pivot language)");
      TextTable t = new TextTable("tokenizer", "corpus", "language", ">premium");
      premiums.forEach(r -> t.row(r.tokenizer(), r.corpus(), r.lang(), fmt(r.premium(), 2) + "x"));
      out.addAll(t.lines(2, WIDTH));
    }
    List<String> lossy = new ArrayList<>();
    List<String[]> best = bestPerDomain(data.compression(), data.coverage(), lossy);
    if (!best.isEmpty()) {
      out.add("");
      out.add("Best compression per domain (UTF-8 bytes per token, higher is better)");
      TextTable t = new TextTable("domain", "best tokenizer", ">bytes/token", "runner-up");
      best.forEach(t::row);
      out.addAll(t.lines(2, WIDTH));
      if (!lossy.isEmpty()) {
        out.add("  (left out where over " + fmt(UnknownTokens.MAX_RATE * 100, 0) + "% of their tokens are unknown: "
            + String.join(", ", lossy) + ")");
      }
    }
    out.addAll(bestChunks(data.retrieval()));
    out.add("");
    if (data.missing().contains("rejects")) {
      out.add("Rejects: no rejects table (ingest has not run into this output)");
    } else if (data.rejects() == 0) {
      out.add("Rejects: none");
    } else {
      out.add(String.format(Locale.ROOT, "Rejects: %,d records (details in the rejects table)", data.rejects()));
      TextTable t = new TextTable("reason", ">records");
      new TreeMap<>(data.rejectsByReason()).forEach((k, v) -> t.row(k, String.format(Locale.ROOT, "%,d", v)));
      out.addAll(t.lines(2, WIDTH));
    }
    if (reportWritten) {
      out.add("");
      out.add("Report: " + output + "/report/index.html");
    }
    out.add("-".repeat(WIDTH));
    return out;
  }

  /**
   * The best chunk setting per corpus and tokenizer ({@link BestChunkSettings}: highest IoU), with the unit it was
   * scored in and why IoU decides; nothing without retrieval results.
   */
  static List<String> bestChunks(List<RetrievalRow> rows) {
    List<RetrievalRow> best = BestChunkSettings.pick(rows);
    if (best.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("Best chunk setting per corpus and tokenizer (scored in " + ("char".equals(BestChunkSettings.unit(rows))
        ? "characters)" : BestChunkSettings.unit(rows) + "s)"));
    out.addAll(wrap("By " + BestChunkSettings.WHY + ".", 2));
    TextTable t = new TextTable("corpus", "tokenizer", "chunker", "size", "retriever", ">k", ">IoU");
    best.forEach(r -> t.row(r.corpus(), r.tokenizer(), r.chunker(), ChunkSize.size(r), r.retriever(),
        String.valueOf(r.k()), fmt(r.iouMean() * 100, 1) + "%"));
    out.addAll(t.lines(2, WIDTH));
    return out;
  }

  /**
   * Per domain: bytes and tokens summed over its rows, the tokenizer with the most bytes per token first.
   * Baselines (utf8_bytes, chars, words) are yardsticks, not candidates, so they are left out; so is a
   * tokenizer with more than 1% unknown tokens in the domain (named in {@code lossy}, e.g. a Chinese WordPiece
   * vocabulary on English text).
   */
  static List<String[]> bestPerDomain(List<CompressionRow> rows, List<CoverageRow> coverage,
      List<String> lossy) {
    UnknownTokens unknown = new UnknownTokens(coverage);
    Map<String, Map<String, double[]>> sums = new TreeMap<>();
    for (CompressionRow r : rows) {
      if (TokenizerRegistry.BASELINES.contains(r.tokenizer())) {
        continue;
      }
      double[] s = sums.computeIfAbsent(String.valueOf(r.domain()), k -> new TreeMap<>())
          .computeIfAbsent(r.tokenizer(), k -> new double[3]);
      s[0] += r.bytes();
      s[1] += r.tokens();
      s[2] += r.tokens() * unknown.rate(r.tokenizer(), r.corpus(), r.lang());
    }
    List<String[]> out = new ArrayList<>();
    sums.forEach((domain, byTk) -> {
      byTk.forEach((tk, s) -> {
        if (s[1] > 0 && s[2] / s[1] > UnknownTokens.MAX_RATE && !lossy.contains(tk)) {
          lossy.add(tk);
        }
      });
      List<Map.Entry<String, Double>> ranked = byTk.entrySet().stream()
          .filter(e -> e.getValue()[1] > 0 && e.getValue()[2] / e.getValue()[1] <= UnknownTokens.MAX_RATE)
          .map(e -> Map.entry(e.getKey(), e.getValue()[0] / e.getValue()[1]))
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
      if (!ranked.isEmpty()) {
        String second = ranked.size() > 1 ? ranked.get(1).getKey() + " " + fmt(ranked.get(1).getValue(), 2) : "";
        out.add(new String[] {domain, ranked.get(0).getKey(), fmt(ranked.get(0).getValue(), 2), second});
      }
    });
    return out;
  }

  /** {@code text} in lines of at most {@link #WIDTH} columns, each indented by {@code indent} spaces. */
  public static List<String> wrap(String text, int indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(" ".repeat(indent));
    for (String word : text.split(" ")) {
      if (line.length() > indent && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(" ".repeat(indent));
      }
      line.append(line.length() > indent ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String fmt(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
