package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.tokenometry.jobs.report.ReportData.Compression;
import org.tokenometry.jobs.report.ReportData.Coverage;
import org.tokenometry.jobs.report.ReportData.Fairness;
import org.tokenometry.jobs.report.ReportData.Retrieval;
import org.tokenometry.jobs.report.ReportData.VocabProfile;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts, a few lines of inline JS for
 * sorting tables; nothing is fetched from anywhere. Links to table folders are relative ({@code ../<table>/}),
 * since the page lives at {@code <output>/report/index.html}.
 */
public final class ReportPage {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int MAX_VOCAB_SCRIPTS = 8;
  /**
   * Up to this many languages a corpus's charts show each language on its own: premiums as grouped bars (the
   * sample's 9 languages, or a hand-picked set), since a bar's length reads more exactly than a colour, and
   * bytes per token and split characters as heat maps with a 46-px column per language and the value written
   * in each cell (24 columns still fit the page's 1,200 px). Beyond it, all three become compact heat maps with a
   * 13-px row per language grouped by script and the tokenizers as columns: the bars ran to ~29,000 px for
   * FLORES-200's 204 languages (6 + 9 px per tokenizer, 15 tokenizers), the language columns to ~9,500 px.
   * Two dozen is about where a reader stops comparing languages one by one and looks for the pattern (which
   * scripts are expensive for which tokenizer) instead.
   */
  static final int FEW_LANGUAGES = 24;
  /** What a compact heat map's caption adds about its rows and values. */
  private static final String ROWS_BY_SCRIPT = "Languages grouped by script (Latin first, then by script code), "
      + "alphabetical within a script; the value is in each cell's tooltip";

  private final ReportData data;
  private final List<String> tokenizers;
  private final String title;
  private final StringBuilder body = new StringBuilder();
  private final Map<String, String> toc = new LinkedHashMap<>();
  private int charts;

  /**
   * @param tokenizerOrder tokenizers in the config's order (others found in the tables follow, sorted)
   */
  public ReportPage(ReportData data, List<String> tokenizerOrder, String title) {
    this.data = data;
    this.title = title;
    Set<String> order = new LinkedHashSet<>(tokenizerOrder);
    Set<String> seen = new java.util.TreeSet<>();
    data.compression().forEach(r -> seen.add(r.tokenizer()));
    data.coverage().forEach(r -> seen.add(r.tokenizer()));
    data.fairness().forEach(r -> seen.add(r.tokenizer()));
    data.vocabProfile().forEach(r -> seen.add(r.tokenizer()));
    data.retrieval().forEach(r -> seen.add(r.tokenizer()));
    order.retainAll(seen);
    order.addAll(seen);
    this.tokenizers = List.copyOf(order);
  }

  /** Renders the page; {@code manifestJson} is the run manifest, shown at the bottom. */
  public String render(String manifestJson, String generatedAt) {
    premium();
    bytesPerToken();
    fertility();
    coverage();
    fairness();
    vocabProfiles();
    retrieval();
    manifest(manifestJson);
    body.append("</section>");
    StringBuilder html = new StringBuilder(body.length() + 8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append("</title><style>").append(CSS).append("</style></head><body>")
        .append("<header><h1>").append(esc(title)).append("</h1><p class=\"meta\">generated ")
        .append(esc(generatedAt)).append(" · ").append(tokenizers.size()).append(" tokenizers · ")
        .append(charts).append(" charts</p>");
    if (!data.missing().isEmpty()) {
      html.append("<p class=\"note\">Tables not found, sections skipped: ");
      html.append(data.missing().stream().map(t -> "<code>" + esc(t) + "</code>").collect(Collectors.joining(", ")));
      html.append(". Run the stage that writes them (see <code>scripts/tokenometry --help</code>).</p>");
    }
    html.append("<nav>");
    toc.forEach((id, name) -> html.append("<a href=\"#").append(id).append("\">").append(esc(name)).append("</a>"));
    html.append("</nav></header><main>").append(body).append("</main><script>").append(JS)
        .append("</script></body></html>\n");
    return html.toString();
  }

  int charts() {
    return charts;
  }

  // --- sections ---------------------------------------------------------------------------------------

  private void premium() {
    section("premium", "Token premium");
    List<Compression> rows = data.compression().stream().filter(r -> r.premium() != null).toList();
    if (rows.isEmpty()) {
      empty(data.missing().contains("compression") ? "the compression table does not exist"
          : "no parallel corpus: premiums need languages aligned by parallel_id", "compression");
      return;
    }
    for (String corpus : distinct(rows, Compression::corpus)) {
      List<Compression> cr = rows.stream().filter(r -> corpus.equals(r.corpus())).toList();
      List<String> langs = langs(cr.stream().map(Compression::lang).toList());
      Map<String, Double> premium = new TreeMap<>();
      cr.forEach(r -> premium.putIfAbsent(r.tokenizer() + "\u0000" + r.lang(), r.premium()));
      List<String> tks = present(cr.stream().map(Compression::tokenizer).toList());
      BiFunction<String, String, Double> premiumOf = (lang, tk) -> premium.get(tk + "\u0000" + lang);
      String heading = "Token premium per language: " + corpus;
      if (langs.size() > FEW_LANGUAGES) {
        double[][] cells = values(langs, tks, premiumOf);
        chart(heading, "Tokens a language needs for the same content as the pivot language, from the parallel "
                + "sentences both contain. Colour on a log scale: pale yellow = parity (1.0); each step through "
                + "orange to dark red doubles it (2, 4, 8, 16 ×); blue = fewer tokens than the pivot. "
                + ROWS_BY_SCRIPT + " and in the table below.",
            "compression", HeatMap.renderRows("premium-" + corpus, rowsByScript(langs), tks, cells,
                RatioScale.over(cells, "token premium (× pivot)"), v -> Html.num(v, 2)));
      } else {
        List<BarChart.Group> groups = new ArrayList<>();
        byScript(langs).forEach((script, ls) -> groups.add(new BarChart.Group(Languages.scriptLabel(script),
            ls.stream().map(lang -> new BarChart.Item(lang, values(lang, tks, premiumOf))).toList())));
        chart(heading,
            "Tokens a language needs for the same content as the pivot language (1.0 = parity, dashed line; "
                + "2.0 = twice as many tokens), from the parallel sentences both contain.",
            "compression", BarChart.render("premium-" + corpus, tks, groups, "token premium (× pivot)", 1.0,
                v -> Html.num(v, 2)));
      }
      List<String> headers = new ArrayList<>(List.of("language", "script"));
      headers.addAll(tks);
      SortableTable t = new SortableTable("premium-table-" + corpus, headers);
      for (String lang : langs) {
        List<SortableTable.Cell> cells = new ArrayList<>(List.of(SortableTable.text(lang),
            SortableTable.text(Languages.script(lang))));
        for (String tk : tks) {
          Double p = premium.get(tk + "\u0000" + lang);
          cells.add(SortableTable.num(p, Html.num(p, 2)));
        }
        t.row(cells);
      }
      body.append(t.render());
    }
  }

  private void bytesPerToken() {
    section("compression", "Bytes per token");
    if (data.compression().isEmpty()) {
      empty("the compression table does not exist", "compression");
      return;
    }
    // per multilingual corpus: tokenizer x language; bytes and tokens summed over domains, so the ratio stays
    // exact. Single-language corpora (domain corpora) are compared in the by-domain chart below instead.
    boolean singleLanguageCorpus = false;
    for (String corpus : distinct(data.compression(), Compression::corpus)) {
      List<Compression> cr = data.compression().stream().filter(r -> corpus.equals(r.corpus())).toList();
      List<String> langs = langs(cr.stream().map(Compression::lang).toList());
      if (langs.size() < 2) {
        singleLanguageCorpus = true;
        continue;
      }
      List<String> tks = present(cr.stream().map(Compression::tokenizer).toList());
      Map<String, long[]> sums = new LinkedHashMap<>();
      for (Compression r : cr) {
        long[] s = sums.computeIfAbsent(r.tokenizer() + "\u0000" + r.lang(), k -> new long[2]);
        s[0] += r.bytes();
        s[1] += r.tokens();
      }
      heat("bpt-" + corpus, "Bytes per token: " + corpus,
          "UTF-8 bytes of text per token (higher = the tokenizer compresses this language better).",
          "compression", tks, langs, (tk, lang) -> {
            long[] s = sums.get(tk + "\u0000" + lang);
            return s == null || s[1] == 0 ? Double.NaN : (double) s[0] / s[1];
          }, "bytes/token", v -> Html.num(v, 2));
    }
    // per domain: the same ratio, over all languages of the domain
    List<String> domains = distinct(data.compression(), Compression::domain);
    if (domains.size() > 1 || singleLanguageCorpus) {
      List<String> tks = present(data.compression().stream().map(Compression::tokenizer).toList());
      List<BarChart.Item> items = new ArrayList<>();
      for (String d : domains) {
        double[] v = new double[tks.size()];
        for (int i = 0; i < tks.size(); i++) {
          String tk = tks.get(i);
          long bytes = 0;
          long tokens = 0;
          for (Compression r : data.compression()) {
            if (tk.equals(r.tokenizer()) && d.equals(r.domain())) {
              bytes += r.bytes();
              tokens += r.tokens();
            }
          }
          v[i] = tokens == 0 ? Double.NaN : (double) bytes / tokens;
        }
        items.add(new BarChart.Item(d, v));
      }
      chart("Bytes per token by domain",
          "UTF-8 bytes per token over all documents of a domain (higher = better compression of that domain).",
          "compression", BarChart.render("bpt-domain", tks, List.of(new BarChart.Group("domain", items)),
              "bytes per token", Double.NaN, v -> Html.num(v, 2)));
    }
  }

  private void fertility() {
    section("fertility", "Fertility and continued words");
    List<Compression> rows = data.compression().stream()
        .filter(r -> r.tokensPerWord() != null && r.continuedWordRate() != null).toList();
    if (rows.isEmpty()) {
      empty("the compression table does not exist", "compression");
      return;
    }
    List<String> tks = present(rows.stream().map(Compression::tokenizer).toList());
    List<ScatterChart.Point> pts = rows.stream().map(r -> new ScatterChart.Point(r.tokenizer(),
        r.corpus() + "/" + r.lang(), r.tokensPerWord(), r.continuedWordRate())).toList();
    chart("Fertility against continued-word rate",
        "Fertility = tokens per ICU word; continued-word rate = share of words split over two or more tokens. "
            + "One point per tokenizer × corpus × language; lower-left is better.",
        "compression", ScatterChart.render("fertility", tks, pts, "tokens per word (fertility)",
            "continued-word rate", v -> Html.num(v, 1), v -> Html.pct(v, 0)));
    SortableTable t = new SortableTable("compression-table", List.of("tokenizer", "corpus", "domain", "language",
        "docs", "bytes/token", "chars/token", "tokens/word", "continued", "single-token", "NSL", "premium",
        "Rényi eff.", "tokens/s"));
    for (Compression r : sorted(data.compression())) {
      t.row(List.of(SortableTable.text(r.tokenizer()), SortableTable.text(r.corpus()),
          SortableTable.text(r.domain()), SortableTable.text(r.lang()),
          SortableTable.num((double) r.docs(), Html.count(r.docs())),
          SortableTable.num(r.bytesPerToken(), Html.num(r.bytesPerToken(), 2)),
          SortableTable.num(r.charsPerToken(), Html.num(r.charsPerToken(), 2)),
          SortableTable.num(r.tokensPerWord(), Html.num(r.tokensPerWord(), 2)),
          SortableTable.num(r.continuedWordRate(), Html.pct(r.continuedWordRate(), 1)),
          SortableTable.num(r.singleTokenWordRate(), Html.pct(r.singleTokenWordRate(), 1)),
          SortableTable.num(r.nsl(), Html.num(r.nsl(), 2)),
          SortableTable.num(r.premium(), Html.num(r.premium(), 2)),
          SortableTable.num(r.renyiEfficiency(), Html.num(r.renyiEfficiency(), 3)),
          SortableTable.num(r.tokensPerSecond(), r.tokensPerSecond() == null ? "–"
              : Html.count(Math.round(r.tokensPerSecond())))));
    }
    body.append(t.render());
  }

  private void coverage() {
    section("coverage", "Coverage");
    if (data.coverage().isEmpty()) {
      empty("the coverage table does not exist", "coverage");
      return;
    }
    for (String corpus : distinct(data.coverage(), Coverage::corpus)) {
      List<Coverage> cr = data.coverage().stream().filter(r -> corpus.equals(r.corpus())).toList();
      List<String> langs = langs(cr.stream().map(Coverage::lang).toList());
      if (langs.size() < 2 && distinct(data.coverage(), Coverage::corpus).size() > 1) {
        continue; // a one-cell row per tokenizer says nothing a table row doesn't; the table below has it
      }
      List<String> tks = present(cr.stream().map(Coverage::tokenizer).toList());
      Map<String, Coverage> at = new LinkedHashMap<>();
      cr.forEach(r -> at.putIfAbsent(r.tokenizer() + "\u0000" + r.lang(), r));
      heat("split-" + corpus, "Split characters: " + corpus,
          "Share of non-whitespace characters whose bytes were spread over two or more tokens "
              + "(byte-level BPE splitting a character; lower is better).",
          "coverage", tks, langs, (tk, lang) -> {
            Coverage c = at.get(tk + "\u0000" + lang);
            return c == null ? Double.NaN : c.splitCharRate();
          }, "split-character rate", v -> Html.pct(v, 1));
    }
    SortableTable t = new SortableTable("coverage-table", List.of("tokenizer", "corpus", "language", "UNK",
        "byte fallback", "split chars", "vocab size", "distinct tokens", "vocab utilization", "lexicon types",
        "lexicon tokens"));
    for (Coverage r : data.coverage().stream().sorted(Comparator.comparing((Coverage c) -> rank(c.tokenizer()))
        .thenComparing(Coverage::corpus, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Coverage::lang, Languages.BY_SCRIPT)).toList()) {
      t.row(List.of(SortableTable.text(r.tokenizer()), SortableTable.text(r.corpus()),
          SortableTable.text(r.lang()), SortableTable.num(r.unkRate(), Html.pct(r.unkRate(), 2)),
          SortableTable.num(r.byteFallbackRate(), Html.pct(r.byteFallbackRate(), 2)),
          SortableTable.num(r.splitCharRate(), Html.pct(r.splitCharRate(), 2)),
          SortableTable.num(r.vocabSize() == null ? null : (double) r.vocabSize(),
              r.vocabSize() == null ? "–" : Html.count(r.vocabSize())),
          SortableTable.num(r.distinctTokens() == null ? null : (double) r.distinctTokens(),
              r.distinctTokens() == null ? "–" : Html.count(r.distinctTokens())),
          SortableTable.num(r.vocabUtilization(), Html.pct(r.vocabUtilization(), 2)),
          SortableTable.num(r.lexiconTypeRate(), Html.pct(r.lexiconTypeRate(), 1)),
          SortableTable.num(r.lexiconTokenRate(), Html.pct(r.lexiconTokenRate(), 1))));
    }
    caption("UNK = unknown-id tokens / tokens; byte fallback = <0xNN> tokens / tokens; vocab utilization = "
        + "distinct non-special ids emitted / vocabulary size.", "coverage");
    body.append(t.render());
  }

  private void fairness() {
    section("fairness", "Fairness");
    if (data.fairness().isEmpty()) {
      empty(data.missing().contains("fairness") ? "the fairness table does not exist"
          : "no parallel corpus in this run", "fairness");
      return;
    }
    List<String> tks = present(data.fairness().stream().map(Fairness::tokenizer).toList());
    List<String> corpora = distinct(data.fairness(), Fairness::corpus);
    List<BarChart.Item> items = new ArrayList<>();
    for (String tk : tks) {
      double[] v = new double[corpora.size()];
      for (int i = 0; i < corpora.size(); i++) {
        String c = corpora.get(i);
        v[i] = data.fairness().stream().filter(f -> tk.equals(f.tokenizer()) && c.equals(f.corpus()))
            .mapToDouble(Fairness::gini).findFirst().orElse(Double.NaN);
      }
      items.add(new BarChart.Item(tk, v));
    }
    chart("Gini coefficient of premiums",
        "Inequality of token premiums across a parallel corpus's languages (0 = every language costs the same).",
        "fairness", BarChart.render("gini", corpora, List.of(new BarChart.Group("tokenizer", items)), "Gini",
            Double.NaN, v -> Html.num(v, 2)));
    SortableTable t = new SortableTable("fairness-table", List.of("tokenizer", "corpus", "languages", "pivot",
        "mean premium", "max premium", "most expensive", "Gini"));
    for (Fairness f : data.fairness().stream().sorted(Comparator.comparing((Fairness x) -> rank(x.tokenizer()))
        .thenComparing(Fairness::corpus, Comparator.nullsFirst(Comparator.naturalOrder()))).toList()) {
      t.row(List.of(SortableTable.text(f.tokenizer()), SortableTable.text(f.corpus()),
          SortableTable.num((double) f.languages(), String.valueOf(f.languages())),
          SortableTable.text(f.pivotLang()), SortableTable.num(f.premiumMean(), Html.num(f.premiumMean(), 2)),
          SortableTable.num(f.premiumMax(), Html.num(f.premiumMax(), 2)), SortableTable.text(f.premiumMaxLang()),
          SortableTable.num(f.gini(), Html.num(f.gini(), 3))));
    }
    body.append(t.render());
  }

  private void vocabProfiles() {
    section("vocab", "Vocabulary profiles");
    if (data.vocabProfile().isEmpty()) {
      empty("the vocab_profile table does not exist", "vocab_profile");
      return;
    }
    List<String> tks = present(data.vocabProfile().stream().map(VocabProfile::tokenizer).toList());
    // scripts with the largest total share first; the long tail folds into "other"
    Map<String, Double> byScript = new LinkedHashMap<>();
    data.vocabProfile().forEach(v -> byScript.merge(v.script(), v.share(), Double::sum));
    List<String> scripts = byScript.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue()
        .reversed()).map(Map.Entry::getKey).limit(MAX_VOCAB_SCRIPTS).collect(Collectors.toCollection(ArrayList::new));
    boolean other = byScript.size() > scripts.size();
    List<String> segs = new ArrayList<>(scripts.stream().map(Languages::scriptLabel).toList());
    if (other) {
      segs.add("other scripts");
    }
    List<StackedBarChart.Row> rows = new ArrayList<>();
    for (String tk : tks) {
      double[] shares = new double[segs.size()];
      for (VocabProfile v : data.vocabProfile()) {
        if (tk.equals(v.tokenizer())) {
          int i = scripts.indexOf(v.script());
          shares[i >= 0 ? i : segs.size() - 1] += v.share();
        }
      }
      rows.add(new StackedBarChart.Row(tk, shares));
    }
    chart("Vocabulary by script",
        "Share of each tokenizer's vocabulary whose letters belong to a script (from tokenizer.json alone).",
        "vocab_profile", StackedBarChart.render("vocab-script", segs, rows, "share of vocabulary"));
    List<String> cats = distinct(data.vocabProfile(), VocabProfile::category);
    List<StackedBarChart.Row> catRows = new ArrayList<>();
    for (String tk : tks) {
      double[] shares = new double[cats.size()];
      for (VocabProfile v : data.vocabProfile()) {
        if (tk.equals(v.tokenizer())) {
          shares[cats.indexOf(v.category())] += v.share();
        }
      }
      catRows.add(new StackedBarChart.Row(tk, shares));
    }
    chart("Vocabulary by token category",
        "Qtok categories: word-initial (space marker), inner, single characters, bytes, partial UTF-8, control.",
        "vocab_profile", StackedBarChart.render("vocab-category", cats, catRows, "share of vocabulary"));
    SortableTable t = new SortableTable("vocab-table", List.of("tokenizer", "category", "script", "tokens",
        "share"));
    for (VocabProfile v : data.vocabProfile().stream()
        .sorted(Comparator.comparing((VocabProfile x) -> rank(x.tokenizer()))).toList()) {
      t.row(List.of(SortableTable.text(v.tokenizer()), SortableTable.text(v.category()),
          SortableTable.text(v.script()), SortableTable.num((double) v.count(), Html.count(v.count())),
          SortableTable.num(v.share(), Html.pct(v.share(), 2))));
    }
    body.append(t.render());
  }

  private void retrieval() {
    section("retrieval", "Chunk retrieval");
    if (data.retrieval().isEmpty()) {
      empty(data.missing().contains("retrieval")
          ? "no retrieval table: run the qa and retrieval stages (scripts/tokenometry qa, then retrieval) "
              + "to draw Precision-Ω, IoU and recall against chunk size"
          : "the retrieval table is empty", "retrieval");
      return;
    }
    record Metric(String id, String name, ToDoubleFunction<Retrieval> value) {}
    List<Metric> metrics = List.of(new Metric("pomega", "Precision-Ω", Retrieval::precisionOmegaMean),
        new Metric("iou", "IoU", Retrieval::iouMean), new Metric("recall", "recall", Retrieval::recallMean));
    for (String unit : distinct(data.retrieval(), Retrieval::unit)) {
      List<Retrieval> ur = data.retrieval().stream().filter(r -> Objects.equals(unit, r.unit())).toList();
      body.append("<div class=\"row\">");
      for (Metric m : metrics) {
        // one point per series and chunk size: the question-weighted mean over corpora
        Map<String, Map<Integer, double[]>> acc = new TreeMap<>();
        for (Retrieval r : ur) {
          double[] a = acc.computeIfAbsent(r.series(), k -> new TreeMap<>()).computeIfAbsent(r.size(),
              k -> new double[2]);
          a[0] += m.value().applyAsDouble(r) * r.nQuestions();
          a[1] += r.nQuestions();
        }
        List<LineChart.Series> series = new ArrayList<>();
        double[] max = {0};
        acc.forEach((name, bySize) -> {
          List<double[]> pts = new ArrayList<>();
          bySize.forEach((size, a) -> pts.add(new double[] {size, a[1] == 0 ? 0 : a[0] / a[1]}));
          pts.forEach(p -> max[0] = Math.max(max[0], p[1]));
          series.add(new LineChart.Series(name, pts));
        });
        int digits = max[0] < 0.1 ? 1 : 0; // small values (IoU) need a decimal or the ticks repeat
        chart(m.name() + " vs chunk size (" + unit + "s)", explainRetrieval(m.id()), "retrieval",
            LineChart.render("retrieval-" + m.id() + "-" + unit, series, "chunk size (" + unit + "s)",
                m.name(), v -> Html.pct(v, digits)));
      }
      body.append("</div>");
    }
    SortableTable t = new SortableTable("retrieval-table", List.of("corpus", "tokenizer", "chunker", "size",
        "overlap", "retriever", "k", "unit", "questions", "recall", "precision", "IoU", "Precision-Ω", "chunks"));
    for (Retrieval r : data.retrieval()) {
      t.row(List.of(SortableTable.text(r.corpus()), SortableTable.text(r.tokenizer()),
          SortableTable.text(r.chunker()), SortableTable.num((double) r.size(), String.valueOf(r.size())),
          SortableTable.num((double) r.overlap(), String.valueOf(r.overlap())), SortableTable.text(r.retriever()),
          SortableTable.num((double) r.k(), String.valueOf(r.k())), SortableTable.text(r.unit()),
          SortableTable.num((double) r.nQuestions(), Html.count(r.nQuestions())),
          SortableTable.num(r.recallMean(), Html.pct(r.recallMean(), 1)),
          SortableTable.num(r.precisionMean(), Html.pct(r.precisionMean(), 1)),
          SortableTable.num(r.iouMean(), Html.pct(r.iouMean(), 1)),
          SortableTable.num(r.precisionOmegaMean(), Html.pct(r.precisionOmegaMean(), 1)),
          SortableTable.num(r.chunks() == null ? null : (double) r.chunks(),
              r.chunks() == null ? "–" : Html.count(r.chunks()))));
    }
    body.append(t.render());
  }

  private static String explainRetrieval(String metric) {
    return switch (metric) {
      case "pomega" -> "Precision-Ω: the best precision any retrieval could reach with these chunks "
          + "(reference text over the text of every chunk touching a reference).";
      case "iou" -> "IoU: retrieved reference text over retrieved text plus missed reference text.";
      default -> "Recall: share of the reference text found in the k retrieved chunks.";
    };
  }

  private void manifest(String manifestJson) {
    section("manifest", "Run manifest");
    JsonNode m;
    try {
      m = manifestJson == null ? null : JSON.readTree(manifestJson);
    } catch (IOException e) {
      m = null;
    }
    if (m == null || !m.isObject()) {
      empty("no run manifest (_manifest.json) was found", null);
      return;
    }
    body.append("<p class=\"explain\">As recorded when this report was drawn (the report stage is still "
        + "running then; the final status is in <code>../_manifest.json</code>).</p><dl class=\"facts\">");
    for (String k : List.of("run_id", "status", "started", "finished")) {
      if (m.hasNonNull(k)) {
        body.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(m.get(k).asText())).append("</dd>");
      }
    }
    if (m.has("versions")) {
      body.append("<dt>versions</dt><dd>");
      m.get("versions").fields().forEachRemaining(e -> body.append(esc(e.getKey())).append(' ')
          .append(esc(e.getValue().asText())).append("; "));
      body.append("</dd>");
    }
    body.append("</dl>");
    JsonNode stages = m.path("stages");
    if (stages.isObject() && stages.size() > 0) {
      body.append("<h3>Stages</h3><table class=\"plain\"><tr><th>stage</th><th>status</th><th>seconds</th>"
          + "<th>counts</th></tr>");
      stages.fields().forEachRemaining(e -> {
        JsonNode s = e.getValue();
        List<String> counts = new ArrayList<>();
        s.fields().forEachRemaining(f -> {
          if (!f.getKey().equals("status") && !f.getKey().equals("seconds")) {
            counts.add(f.getKey() + " " + (f.getValue().isValueNode() ? f.getValue().asText() : f.getValue()));
          }
        });
        body.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(s.path("status").asText()))
            .append("</td><td class=\"n\">").append(esc(s.path("seconds").asText())).append("</td><td>")
            .append(esc(String.join(", ", counts))).append("</td></tr>");
      });
      body.append("</table>");
    }
    JsonNode tk = m.path("tokenizers");
    if (tk.isObject() && tk.size() > 0) {
      body.append("<h3>Tokenizers</h3><table class=\"plain\"><tr><th>name</th><th>facts</th></tr>");
      tk.fields().forEachRemaining(e -> body.append("<tr><td>").append(esc(e.getKey())).append("</td><td><code>")
          .append(esc(facts(e.getValue()))).append("</code></td></tr>"));
      body.append("</table>");
    }
    JsonNode in = m.path("inputs");
    if (in.isObject() && in.size() > 0) {
      body.append("<h3>Inputs</h3><table class=\"plain\"><tr><th>source</th><th>facts</th></tr>");
      in.fields().forEachRemaining(e -> body.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
          .append(esc(facts(e.getValue()))).append("</td></tr>"));
      body.append("</table>");
    }
    body.append("<h3>Rejected records</h3>");
    if (data.missing().contains("rejects")) {
      body.append("<p class=\"note\">No <code>rejects</code> table (the ingest stage writes it).</p>");
    } else if (data.rejectsByReason().isEmpty()) {
      body.append("<p>None: every record read became a document.</p>");
    } else {
      body.append("<table class=\"plain\"><tr><th>reason</th><th>records</th></tr>");
      new TreeMap<>(data.rejectsByReason()).forEach((reason, n) -> body.append("<tr><td><code>")
          .append(esc(reason)).append("</code></td><td class=\"n\">").append(Html.count(n)).append("</td></tr>"));
      body.append("</table>");
      caption("Details per record in the rejects table.", "rejects");
    }
    try {
      body.append("<details><summary>Config and full manifest (JSON)</summary><pre>")
          .append(esc(JSON.writeValueAsString(m))).append("</pre></details>");
    } catch (IOException e) {
      body.append("<p class=\"note\">manifest could not be printed: ").append(esc(e.getMessage())).append("</p>");
    }
  }

  private static String facts(JsonNode n) {
    if (!n.isObject()) {
      return n.asText();
    }
    List<String> parts = new ArrayList<>();
    n.fields().forEachRemaining(f -> parts.add(f.getKey() + "=" + (f.getValue().isValueNode()
        ? f.getValue().asText() : f.getValue().toString())));
    return String.join(" ", parts);
  }

  // --- building blocks --------------------------------------------------------------------------------

  private void section(String id, String name) {
    if (!toc.isEmpty()) {
      body.append("</section>");
    }
    toc.put(id, name);
    body.append("<section id=\"").append(id).append("\"><h2>").append(esc(name)).append("</h2>");
  }

  private void chart(String heading, String explanation, String table, String svg) {
    charts++;
    body.append("<figure><h3>").append(esc(heading)).append("</h3>");
    caption(explanation, table);
    body.append(svg).append("</figure>");
  }

  /**
   * A tokenizer x language heat map on the linear ramp: languages as columns grouped under their script, the
   * value in each cell, for a few languages; beyond {@link #FEW_LANGUAGES}, a row per language grouped by script
   * and a column per tokenizer, the value in each cell's tooltip (as the premium map).
   */
  private void heat(String id, String heading, String explanation, String table, List<String> tks,
      List<String> langs, BiFunction<String, String, Double> value, String label, DoubleFunction<String> fmt) {
    if (langs.size() > FEW_LANGUAGES) {
      double[][] cells = values(langs, tks, (lang, tk) -> value.apply(tk, lang));
      chart(heading, explanation + " " + ROWS_BY_SCRIPT + ".", table, HeatMap.renderRows(id, rowsByScript(langs),
          tks, cells, LinearScale.over(cells, label, fmt), fmt));
      return;
    }
    List<HeatMap.ColumnGroup> groups = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    byScript(langs).forEach((script, ls) -> {
      groups.add(new HeatMap.ColumnGroup(script, ls));
      cols.addAll(ls);
    });
    chart(heading, explanation, table, HeatMap.render(id, tks, groups, values(tks, cols, value), label, fmt));
  }

  /** {@code value(row, column)} for every row and column; null = NaN (no data). */
  private static double[][] values(List<String> rows, List<String> cols, BiFunction<String, String, Double> value) {
    return rows.stream().map(r -> values(r, cols, value)).toArray(double[][]::new);
  }

  private static double[] values(String row, List<String> cols, BiFunction<String, String, Double> value) {
    double[] v = new double[cols.size()];
    for (int c = 0; c < cols.size(); c++) {
      Double x = value.apply(row, cols.get(c));
      v[c] = x == null ? Double.NaN : x;
    }
    return v;
  }

  private void caption(String text, String table) {
    body.append("<p class=\"explain\">").append(esc(text));
    if (table != null) {
      body.append(" <a href=\"../").append(esc(table)).append("/\">").append(esc(table)).append(" table</a>");
    }
    body.append("</p>");
  }

  private void empty(String why, String table) {
    body.append("<p class=\"empty\">Nothing to show: ").append(esc(why)).append('.');
    if (table != null) {
      body.append(" (table folder <code>../").append(esc(table)).append("/</code>)");
    }
    body.append("</p>");
  }

  private List<String> present(List<String> names) {
    Set<String> s = new LinkedHashSet<>(names);
    return tokenizers.stream().filter(s::contains).toList();
  }

  private static List<String> langs(List<String> langs) {
    return langs.stream().filter(Objects::nonNull).distinct().sorted(Languages.BY_SCRIPT).toList();
  }

  private static Map<String, List<String>> byScript(List<String> sortedLangs) {
    Map<String, List<String>> g = new LinkedHashMap<>();
    sortedLangs.forEach(l -> g.computeIfAbsent(Languages.script(l), k -> new ArrayList<>()).add(l));
    return g;
  }

  /** Languages sorted by {@link #langs} as a compact heat map's row groups, named by script; same order. */
  private static List<HeatMap.RowGroup> rowsByScript(List<String> sortedLangs) {
    List<HeatMap.RowGroup> groups = new ArrayList<>();
    byScript(sortedLangs).forEach((script, ls) -> groups.add(new HeatMap.RowGroup(Languages.scriptLabel(script),
        ls)));
    return groups;
  }

  private static <T> List<String> distinct(List<T> rows, Function<T, String> key) {
    return rows.stream().map(key).filter(Objects::nonNull).distinct().sorted().toList();
  }

  private int rank(String tokenizer) {
    return tokenizers.indexOf(tokenizer);
  }

  private List<Compression> sorted(List<Compression> rows) {
    return rows.stream().sorted(Comparator.comparing((Compression r) -> rank(r.tokenizer()))
        .thenComparing(Compression::corpus, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Compression::lang, Comparator.nullsFirst(Languages.BY_SCRIPT))).toList();
  }

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:0;background:#fafafa}
      header{background:#fff;border-bottom:1px solid #ddd;padding:12px 24px;position:sticky;top:0;z-index:2}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:2px solid #4e79a7}
      h3{font-size:15px;margin:18px 0 2px}
      main{padding:0 24px 40px;max-width:1200px}
      nav a{margin-right:14px;font-size:13px}
      .meta{color:#666;margin:0 0 4px;font-size:13px}
      .note,.empty{background:#fff6e0;border-left:4px solid #f2b134;padding:6px 10px}
      .explain{color:#555;margin:2px 0 6px;font-size:13px}
      figure{margin:10px 0 18px;background:#fff;border:1px solid #e4e4e4;padding:8px 12px;display:inline-block;max-width:calc(100% - 26px);overflow-x:auto}
      .row{display:flex;flex-wrap:wrap;gap:10px}.row figure{margin:6px 0;max-width:470px}
      svg text{font-family:inherit;fill:#333}svg .tick{font-size:11px;fill:#555}svg .label{font-size:12px}
      svg .axis{font-size:12px;font-weight:600}svg .group{font-size:12px;font-weight:700;fill:#4e79a7}
      svg .legend{font-size:12px}svg .cell{font-size:10px}
      svg .mark:hover{opacity:.75}
      .tablewrap{max-height:420px;overflow:auto;border:1px solid #e4e4e4;background:#fff;margin:6px 0 14px}
      table{border-collapse:collapse;font-size:12.5px}th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:left}
      th{background:#f0f3f7;position:sticky;top:0}table.sortable th{cursor:pointer}
      table.sortable th.asc::after{content:" \\25B2"}table.sortable th.desc::after{content:" \\25BC"}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      table.plain{background:#fff;border:1px solid #e4e4e4;margin:4px 0 10px}
      dl.facts{display:grid;grid-template-columns:max-content auto;gap:2px 14px}dl.facts dt{font-weight:600}
      dl.facts dd{margin:0}
      pre{background:#fff;border:1px solid #e4e4e4;padding:10px;max-height:480px;overflow:auto;font-size:12px}
      """;

  private static final String JS = """
      document.querySelectorAll('table.sortable').forEach(function(table){
        table.querySelectorAll('th').forEach(function(th, col){
          th.addEventListener('click', function(){
            var asc = !th.classList.contains('asc');
            table.querySelectorAll('th').forEach(function(h){ h.classList.remove('asc','desc'); });
            th.classList.add(asc ? 'asc' : 'desc');
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function(a, b){
              var x = a.cells[col].getAttribute('data-v'), y = b.cells[col].getAttribute('data-v');
              var nx = parseFloat(x), ny = parseFloat(y);
              var c;
              if (x === '' || y === '') { c = (x === '') - (y === ''); return c; }
              c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
              return asc ? c : -c;
            });
            rows.forEach(function(r){ body.appendChild(r); });
          });
        });
      });
      """;
}
