package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report as one self-contained HTML page: the frame (title, contents, filter) and the sections in order,
 * each rendered by its own class. CSS and JS are resources inlined here; charts are inline SVG; nothing is
 * fetched from anywhere. Links to table folders are relative ({@code ../<table>/}), since the page lives at
 * {@code <output>/report/index.html}.
 */
public final class ReportPage {
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private final ReportData data;
  private final ReportContext ctx;
  private final String title;

  /**
   * @param tokenizerOrder tokenizers in the config's order (others found in the tables follow, sorted)
   */
  public ReportPage(ReportData data, List<String> tokenizerOrder, String title) {
    this.data = data;
    this.ctx = new ReportContext(data, tokenizerOrder);
    this.title = title;
  }

  /** The sections in the order a reader meets them; {@code manifestJson} feeds the last. */
  static List<Section> sections(String manifestJson) {
    return List.of(new PremiumSection(), new WorstLanguagesSection(), new PremiumSplitSection(),
        new BytesPerTokenSection(), new FertilitySection(), new CoverageSection(), new FairnessSection(),
        new VocabularySection(), new VocabCensusSection(), new RoundTripSection(), new RobustnessSection(),
        new NumbersSection(), new RetrievalSection(), new ManifestSection(manifestJson));
  }

  /** Renders the page; {@code manifestJson} is the run manifest (null when there is none). */
  public String render(String manifestJson, String generatedAt) {
    StringBuilder main = new StringBuilder();
    Map<String, String> toc = new LinkedHashMap<>();
    Map<String, List<String>> skipped = new LinkedHashMap<>();
    for (Section s : sections(manifestJson)) {
      String why = s.skipReason(data);
      if (why != null) {
        skipped.computeIfAbsent(why, k -> new ArrayList<>()).add(s.title());
        continue;
      }
      toc.put(s.id(), s.title());
      main.append("<section id=\"").append(esc(s.id())).append("\"><h2>").append(esc(s.title())).append("</h2>")
          .append(s.render(data, ctx)).append("</section>");
    }
    int charts = Svg.count(main.toString());
    StringBuilder html = new StringBuilder(main.length() + CSS.length() + JS.length() + 8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append("</title><style>").append(CSS).append("</style></head><body>")
        .append("<header><h1>").append(esc(title)).append("</h1><p class=\"meta\">generated ")
        .append(esc(generatedAt)).append(" · ").append(ctx.tokenizers().size()).append(" tokenizers · ")
        .append(charts).append(" charts</p><nav>");
    toc.forEach((id, name) -> html.append("<a href=\"#").append(esc(id)).append("\">").append(esc(name))
        .append("</a>"));
    html.append("</nav>").append(skippedLine(skipped)).append("</header>");
    if (!ctx.tokenizers().isEmpty()) {
      html.append(FilterBar.render(ctx, languages()));
    }
    html.append("<main>").append(main).append("</main><script>").append(JS).append("</script></body></html>\n");
    return html.toString();
  }

  /**
   * Sections with nothing to show, on one line, grouped by why: e.g. a retrieval-only run lists the six
   * tokenize sections once, not as six boxes before its results.
   */
  static String skippedLine(Map<String, List<String>> skipped) {
    if (skipped.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    skipped.forEach((why, titles) -> parts.add(esc(String.join(", ", titles)) + " (" + esc(why) + ")"));
    return "<p class=\"skipped\">Not in this report: " + String.join("; ", parts) + ".</p>";
  }

  /** Every language the tables name, for the filter's names. */
  private Set<String> languages() {
    Set<String> langs = new LinkedHashSet<>();
    data.compression().forEach(r -> langs.add(r.lang()));
    data.coverage().forEach(r -> langs.add(r.lang()));
    data.roundtrip().forEach(r -> langs.add(r.lang()));
    data.robustness().forEach(r -> langs.add(r.lang()));
    langs.remove(null);
    return langs;
  }

  private static String resource(String name) {
    try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("report resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading report resource " + name, e);
    }
  }
}
