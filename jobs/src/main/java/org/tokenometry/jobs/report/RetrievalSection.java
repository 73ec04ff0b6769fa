package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.tokenometry.udfs.tables.RetrievalRow;

/**
 * Chunk retrieval: the best setting per corpus and tokenizer, then Precision-Ω, IoU and recall against chunk
 * size, one row of three charts per chunker with the axis in the chunker's own unit. A result depends on how it
 * was scored (characters or tokens), the retriever and k: the charts show one such combination at a time,
 * chosen with selectors. Lines: colour = tokenizer, dash = overlap; one legend beside all charts.
 */
final class RetrievalSection implements Section {
  record Metric(String id, String name, ToDoubleFunction<RetrievalRow> value) {}

  static final List<Metric> METRICS = List.of(new Metric("pomega", "Precision-Ω", RetrievalRow::precisionOmegaMean),
      new Metric("iou", "IoU", RetrievalRow::iouMean), new Metric("recall", "recall", RetrievalRow::recallMean));
  /** Dash per overlap, smallest overlap solid. */
  static final List<String> DASHES = List.of("", "7 4", "2 3", "9 3 2 3");
  static final String DEFINITIONS = "Precision-Ω: the best precision any retrieval could reach with these chunks "
      + "(reference text over the text of every chunk touching a reference). IoU: retrieved reference text over "
      + "retrieved text plus missed reference text. Recall: share of the reference text found in the k retrieved "
      + "chunks. Each point is the question-weighted mean over corpora.";

  /** One combination the selectors choose. */
  record Combo(String unit, String retriever, int k) {}

  @Override
  public String id() {
    return "retrieval";
  }

  @Override
  public String title() {
    return "Chunk retrieval";
  }

  @Override
  public String skipReason(ReportData data) {
    if (data.missing().contains("retrieval")) {
      return "the qa and retrieval stages did not run into this output (no retrieval table)";
    }
    return data.retrieval().isEmpty() ? "the retrieval table is empty" : null;
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    bestSettings(data.retrieval(), ctx, out);
    List<Combo> combos = data.retrieval().stream().map(r -> new Combo(r.unit(), r.retriever(), r.k())).distinct()
        .sorted(Comparator.comparing((Combo c) -> !"char".equals(c.unit())).thenComparing(Combo::unit,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Combo::retriever,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparingInt(Combo::k)).toList();
    out.heading("Quality against chunk size");
    out.caption(DEFINITIONS, "retrieval");
    out.html(controls(combos));
    for (int i = 0; i < combos.size(); i++) {
      Combo c = combos.get(i);
      List<RetrievalRow> rows = data.retrieval().stream().filter(r -> Objects.equals(c.unit(), r.unit())
          && Objects.equals(c.retriever(), r.retriever()) && c.k() == r.k()).toList();
      Map<String, String> values = new LinkedHashMap<>();
      values.put("unit", c.unit());
      values.put("retriever", c.retriever());
      values.put("k", String.valueOf(c.k()));
      out.html(Selectors.view(values, i == 0));
      charts(c, rows, ctx, out);
      out.html("</div>");
    }
    out.html(table(data.retrieval(), ctx));
    return out.toString();
  }

  private static void bestSettings(List<RetrievalRow> rows, ReportContext ctx, SectionBody out) {
    List<RetrievalRow> best = BestChunkSettings.pick(rows).stream().sorted(Comparator.comparing(RetrievalRow::corpus,
        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(r -> ctx.rank(r.tokenizer()))).toList();
    out.heading("Best chunk setting per corpus and tokenizer");
    out.caption("Scored in " + unitName(BestChunkSettings.unit(rows)) + "; the " + BestChunkSettings.WHY + ".",
        "retrieval");
    SortableTable t = new SortableTable("retrieval-best", List.of("corpus", "tokenizer", "chunker", "size",
        "overlap", "retriever", "k", "IoU", "recall", "precision", "Precision-Ω"));
    for (RetrievalRow r : best) {
      t.row(Svg.Key.tk(r.tokenizer()), List.of(SortableTable.text(r.corpus()), SortableTable.text(r.tokenizer()),
          SortableTable.text(r.chunker()), SortableTable.num((double) r.size(), r.size() + " "
              + ChunkSize.unit(r.chunker())), SortableTable.num((double) r.overlap(), String.valueOf(r.overlap())),
          SortableTable.text(r.retriever()), SortableTable.num((double) r.k(), String.valueOf(r.k())),
          pct(r.iouMean()), pct(r.recallMean()), pct(r.precisionMean()), pct(r.precisionOmegaMean())));
    }
    out.html(t.render());
  }

  private static String unitName(String unit) {
    return "char".equals(unit) ? "characters (Chroma-compatible)" : "token".equals(unit)
        ? "tokens of the tokenizer under test" : String.valueOf(unit);
  }

  /** A selector per dimension with more than one value; the page's script shows the matching combination. */
  private static String controls(List<Combo> combos) {
    List<String> units = combos.stream().map(Combo::unit).distinct().toList();
    return Selectors.controls(List.of(
        new Selectors.Choice("unit", "scored in", units, units.stream().map(RetrievalSection::unitName).toList()),
        new Selectors.Choice("retriever", "retriever", combos.stream().map(Combo::retriever).distinct().sorted()
            .toList()),
        new Selectors.Choice("k", "k", combos.stream().map(c -> String.valueOf(c.k())).distinct().toList())));
  }

  private static void charts(Combo c, List<RetrievalRow> rows, ReportContext ctx, SectionBody out) {
    List<String> tks = ctx.present(rows.stream().map(RetrievalRow::tokenizer).toList());
    List<Integer> overlaps = rows.stream().map(RetrievalRow::overlap).distinct().sorted().toList();
    List<String> chunkers = rows.stream().map(RetrievalRow::chunker).filter(Objects::nonNull).distinct()
        .sorted(Comparator.comparingInt(RetrievalSection::chunkerOrder).thenComparing(Comparator.naturalOrder()))
        .toList();
    StringBuilder plots = new StringBuilder();
    for (String chunker : chunkers) {
      List<RetrievalRow> cr = rows.stream().filter(r -> chunker.equals(r.chunker())).toList();
      String axis = ChunkSize.axis(chunker, ctx.present(cr.stream().map(RetrievalRow::tokenizer).toList()));
      plots.append("<h4>").append(esc(chunker)).append(" chunker · ").append(esc(axis)).append("</h4>")
          .append("<div class=\"trio\">");
      for (Metric m : METRICS) {
        String id = "retrieval-" + m.id() + "-" + c.unit() + "-" + c.retriever() + "-k" + c.k() + "-" + chunker;
        List<LineChart.Series> series = series(cr, m, overlaps, ctx);
        double max = series.stream().flatMap(x -> x.points().stream()).mapToDouble(p -> p[1]).max().orElse(0);
        int digits = max < 0.1 ? 1 : 0; // small values (IoU) need a decimal or the ticks repeat
        plots.append(LineChart.render(id, series, axis, m.name(), v -> Html.pct(v, digits)));
      }
      plots.append("</div>");
    }
    List<Legend.Entry> legend = new ArrayList<>();
    tks.forEach(tk -> legend.add(new Legend.Entry(tk, ctx.colour(tk), null, null, Svg.Key.tk(tk))));
    if (overlaps.size() > 1) {
      for (int i = 0; i < overlaps.size(); i++) {
        legend.add(new Legend.Entry("overlap " + overlaps.get(i), "#555555", DASHES.get(i % DASHES.size()), null,
            null));
      }
    }
    out.figure("Scored in " + unitName(c.unit()) + " · " + c.retriever() + " · k = " + c.k(),
        "Lines: colour = tokenizer" + (overlaps.size() > 1 ? ", dash = overlap (in the chunker's unit)" : "")
            + ".", null, plots.toString(), Legend.render(null, legend));
  }

  /** fixed, recursive, sentence first (the config's order of the chunkers), others after. */
  private static int chunkerOrder(String chunker) {
    int i = List.of("fixed", "recursive", "sentence").indexOf(chunker);
    return i < 0 ? 3 : i;
  }

  /** One series per tokenizer and overlap: per size, the question-weighted mean over corpora. */
  private static List<LineChart.Series> series(List<RetrievalRow> rows, Metric m, List<Integer> overlaps,
      ReportContext ctx) {
    List<LineChart.Series> out = new ArrayList<>();
    for (String tk : ctx.present(rows.stream().map(RetrievalRow::tokenizer).toList())) {
      for (int i = 0; i < overlaps.size(); i++) {
        int overlap = overlaps.get(i);
        Map<Integer, double[]> bySize = new TreeMap<>();
        rows.stream().filter(r -> tk.equals(r.tokenizer()) && r.overlap() == overlap).forEach(r -> {
          double[] a = bySize.computeIfAbsent(r.size(), s -> new double[2]);
          a[0] += m.value().applyAsDouble(r) * r.nQuestions();
          a[1] += r.nQuestions();
        });
        if (bySize.isEmpty()) {
          continue;
        }
        List<double[]> pts = new ArrayList<>();
        bySize.forEach((size, a) -> pts.add(new double[] {size, a[1] == 0 ? 0 : a[0] / a[1]}));
        String dash = DASHES.get(i % DASHES.size());
        out.add(new LineChart.Series(tk + " · overlap " + overlap, ctx.colour(tk), dash.isEmpty() ? null : dash,
            Svg.Key.tk(tk), pts));
      }
    }
    return out;
  }

  private static SortableTable.Cell pct(double v) {
    return SortableTable.num(v, Html.pct(v, 1));
  }

  private static String table(List<RetrievalRow> rows, ReportContext ctx) {
    SortableTable t = new SortableTable("retrieval-table", List.of("corpus", "tokenizer", "chunker", "size",
        "overlap", "retriever", "k", "scored in", "questions", "recall", "precision", "IoU", "Precision-Ω",
        "chunks"));
    Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
    for (RetrievalRow r : rows.stream().sorted(Comparator.comparing(RetrievalRow::corpus, text)
        .thenComparing(x -> ctx.rank(x.tokenizer())).thenComparing(x -> chunkerOrder(x.chunker()))
        .thenComparingInt(RetrievalRow::size).thenComparingInt(RetrievalRow::overlap)
        .thenComparing(RetrievalRow::retriever, text).thenComparingInt(RetrievalRow::k)
        .thenComparing(RetrievalRow::unit, text))
        .toList()) {
      t.row(Svg.Key.tk(r.tokenizer()), List.of(SortableTable.text(r.corpus()), SortableTable.text(r.tokenizer()),
          SortableTable.text(r.chunker()), SortableTable.num((double) r.size(), r.size() + " "
              + ChunkSize.unit(r.chunker())), SortableTable.num((double) r.overlap(), String.valueOf(r.overlap())),
          SortableTable.text(r.retriever()), SortableTable.num((double) r.k(), String.valueOf(r.k())),
          SortableTable.text(r.unit()), SortableTable.count(r.nQuestions()), pct(r.recallMean()),
          pct(r.precisionMean()), pct(r.iouMean()), pct(r.precisionOmegaMean()), SortableTable.count(r.chunks())));
    }
    return "<h3>Every result</h3>" + t.render();
  }
}
