package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tokenometry.udfs.metrics.VocabCensus;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabTokensRow;

/**
 * The vocabulary census: per class, the share of each tokenizer's vocabulary in it (one small bar chart per class,
 * each on its own axis: special tokens are a thousandth of a vocabulary, never-emitted pieces can be half), the
 * longest example pieces of each class, and the per-corpus counts.
 */
final class VocabCensusSection implements Section {
  /** What each class means, for the caption and the tables (definitions: README, "Vocabulary census"). */
  static final Map<String, String> MEANING = Map.of(
      VocabCensus.SPECIAL, "added tokens marked special, and the unknown token",
      VocabCensus.SINGLE_BYTE, "exactly one byte",
      VocabCensus.PARTIAL_UTF8, "several bytes that are part of a character, not text on their own",
      VocabCensus.UNREACHABLE, "encoding the piece's own text does not give back this piece",
      VocabCensus.SUBSUMED, "never emitted, but inside a longer piece that was (an intermediate merge)",
      VocabCensus.NEVER_EMITTED, "never emitted on this run's corpora",
      VocabCensus.RARE, "emitted, but fewer times than tokenize.rare_token_count (default 5)");
  /** A panel is this wide: two or three fit side by side, one on a phone. */
  static final double PANEL_W = 320;

  @Override
  public String id() {
    return "census";
  }

  @Override
  public String title() {
    return "Vocabulary census";
  }

  @Override
  public String skipReason(ReportData data) {
    String why = Section.missingTokenizeTable(data, VocabHealthRow.TABLE);
    if (why != null) {
      return why;
    }
    return overall(data).isEmpty() ? "the vocab_health table is empty (no tokenizer with a vocabulary)" : null;
  }

  /** The rows over every corpus of the run together (corpus null): the file classes and the corpus classes. */
  static List<VocabHealthRow> overall(ReportData data) {
    return data.vocabHealth().stream().filter(r -> r.corpus() == null).toList();
  }

  /** The census classes in the order the census lists them; classes it does not know after them, sorted. */
  static List<String> classes(List<VocabHealthRow> rows) {
    List<String> found = LanguageGrids.distinct(rows, VocabHealthRow::flag);
    List<String> out = new ArrayList<>(VocabCensus.FLAGS.stream().filter(found::contains).toList());
    found.stream().filter(f -> !out.contains(f)).forEach(out::add);
    return out;
  }

  static String name(String flag) {
    return flag.equals(VocabCensus.PARTIAL_UTF8) ? "partial UTF-8" : flag.replace('_', ' ');
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    List<VocabHealthRow> rows = overall(data);
    List<String> tks = ctx.present(rows.stream().map(VocabHealthRow::tokenizer).toList());
    List<String> classes = classes(rows);
    StringBuilder panels = new StringBuilder("<div class=\"trio\">");
    for (String flag : classes) {
      List<BarChart.Item> items = new ArrayList<>();
      double max = 0;
      for (String tk : tks) {
        VocabHealthRow r = find(rows, tk, flag);
        double share = r == null ? Double.NaN : r.share();
        max = Double.isNaN(share) ? max : Math.max(max, share);
        items.add(new BarChart.Item(tk, List.of(new BarChart.Bar(name(flag), share, ctx.colour(tk), null,
            Svg.Key.tk(tk), r == null ? null : Html.count(r.count()) + " pieces")), Svg.Key.tk(tk)));
      }
      int digits = shareDigits(max);
      panels.append("<div><h4>").append(esc(name(flag))).append("</h4>")
          .append(BarChart.render("census-" + flag, List.of(new BarChart.Group(null, items)), "share of vocabulary",
              Double.NaN, VocabCensusSection::share, PANEL_W, v -> Html.pct(v, digits))).append("</div>");
    }
    panels.append("</div>");
    StringBuilder meaning = new StringBuilder("Share of each tokenizer's vocabulary in a class (a piece can be in "
        + "several), each class on its own axis. ");
    classes.stream().filter(MEANING::containsKey).forEach(f -> meaning.append(name(f)).append(": ")
        .append(MEANING.get(f)).append(". "));
    meaning.append("Never emitted, subsumed and rare count over every corpus of the run together.");
    out.figure("Vocabulary by census class", meaning.toString(), VocabHealthRow.TABLE, panels.toString(),
        Legend.tokenizers(tks, ctx, List.of()));
    out.html(examples(data, rows, tks, classes, ctx));
    out.html(perCorpus(data, ctx));
    return out.toString();
  }

  /** A share to two decimals, three below 0.1 % (a few special tokens in 200,000 pieces). */
  static String share(double v) {
    return Html.pct(v, v < 0.001 ? 3 : 2);
  }

  /** Decimals a share's ticks need: 0.05 % apart needs two, 5 % apart none. */
  static int shareDigits(double max) {
    List<Double> t = Svg.ticks(0, Svg.niceMax(max), 3);
    double step = t.size() > 1 ? (t.get(1) - t.get(0)) * 100 : 1;
    return (int) Math.max(0, Math.min(3, -Math.floor(Math.log10(step) + 1e-9)));
  }

  private static VocabHealthRow find(List<VocabHealthRow> rows, String tk, String flag) {
    return rows.stream().filter(r -> tk.equals(r.tokenizer()) && flag.equals(r.flag())).findFirst().orElse(null);
  }

  /** Per tokenizer and class: the count, the share and the longest pieces ({@link VocabExamples}). */
  private static String examples(ReportData data, List<VocabHealthRow> rows, List<String> tks, List<String> classes,
      ReportContext ctx) {
    boolean none = data.missing().contains(VocabTokensRow.TABLE);
    SortableTable t = new SortableTable("census-table", List.of("tokenizer", "class", "pieces", "share",
        "longest pieces"));
    for (String tk : tks) {
      for (String flag : classes) {
        VocabHealthRow r = find(rows, tk, flag);
        if (r == null) {
          continue;
        }
        List<VocabTokensRow> ex = VocabExamples.of(data.vocabExamples(), tk, flag);
        StringBuilder pieces = new StringBuilder();
        ex.forEach(e -> pieces.append(piece(e)).append(' '));
        t.row(Svg.Key.tk(tk), List.of(SortableTable.text(tk), SortableTable.text(name(flag)),
            SortableTable.count(r.count()), SortableTable.num(r.share(), share(r.share())),
            SortableTable.html(pieces.toString().trim(), ex.isEmpty() ? "" : ex.get(0).text())));
      }
    }
    return "<h3>Census classes with example pieces</h3><p class=\"explain\">Up to " + VocabExamples.PER_CLASS
        + " of each class's longest pieces (most bytes), as text: ␣ is a space, \\xNN a byte that is not text, "
        + "\\uXXXX an invisible character; the tooltip gives the id, the piece as the file writes it and its "
        + "occurrences." + (none ? " No examples: there is no vocab_tokens table." : "") + " <a href=\"../"
        + VocabTokensRow.TABLE + "/\">" + VocabTokensRow.TABLE + " table</a></p>" + t.render();
  }

  /** A piece as {@code <code>}: spaces made visible, the id, stored form and count in its tooltip. */
  static String piece(VocabTokensRow e) {
    String title = "id " + e.id() + " · " + e.piece() + " · " + e.nBytes() + " bytes · " + Html.count(e.count())
        + " occurrences";
    return "<code class=\"piece\" title=\"" + esc(title) + "\">" + esc(String.valueOf(e.text()).replace(' ', '␣'))
        + "</code>";
  }

  /** The corpus classes per corpus, when the run has more than one corpus. */
  private static String perCorpus(ReportData data, ReportContext ctx) {
    List<VocabHealthRow> rows = data.vocabHealth().stream().filter(r -> r.corpus() != null)
        .sorted(Comparator.comparing((VocabHealthRow r) -> ctx.rank(r.tokenizer())).thenComparing(
            VocabHealthRow::corpus).thenComparing(r -> VocabCensus.FLAGS.indexOf(r.flag()))).toList();
    if (rows.stream().map(VocabHealthRow::corpus).filter(Objects::nonNull).distinct().count() < 2) {
      return "";
    }
    SortableTable t = new SortableTable("census-corpus-table", List.of("tokenizer", "corpus", "class", "pieces",
        "share"));
    rows.forEach(r -> t.row(Svg.Key.tk(r.tokenizer()), List.of(SortableTable.text(r.tokenizer()),
        SortableTable.text(r.corpus()), SortableTable.text(name(r.flag())), SortableTable.count(r.count()),
        SortableTable.num(r.share(), share(r.share())))));
    return "<h3>Per corpus</h3><p class=\"explain\">Never emitted, subsumed and rare on each corpus alone.</p>"
        + t.render();
  }
}
