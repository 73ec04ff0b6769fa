package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenometry.jobs.report.ReportHtml.all;
import static org.tokenometry.jobs.report.ReportHtml.count;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.FairnessRow;
import org.tokenometry.udfs.tables.RetrievalRow;
import org.tokenometry.udfs.tables.VocabProfileRow;

/**
 * The page frame: sections in order, those with nothing to show on one line, the filter, the inlined CSS and JS,
 * nothing loaded from anywhere, and one colour per tokenizer across every chart.
 */
class ReportPageTest {
  static final List<String> TKS = ReportFixtures.TOKENIZERS;

  /**
   * Every table: the fixtures' FLORES rows (with the premium split), two domain rows, Gini, vocabulary, retrieval,
   * the health tables of {@link HealthFixtures}, rejects.
   */
  static ReportData everything() {
    List<CompressionRow> compression = new ArrayList<>(ReportFixtures.floresCompression());
    compression.add(BytesPerTokenSectionTest.row("gpt4o", "fin", "finance", "eng_Latn", 5000, 1100));
    compression.add(BytesPerTokenSectionTest.row("llama3", "fin", "finance", "eng_Latn", 5000, 1110));
    List<RetrievalRow> retrieval = new ArrayList<>();
    for (String tk : List.of("gpt4o", "llama3")) {
      for (int size : new int[] {200, 400}) {
        retrieval.add(RetrievalSectionTest.r("c1", tk, "fixed", size, 0, "bm25", "char", 0.7, 0.05, 0.1));
      }
    }
    return new ReportData(compression, List.of(PremiumSectionTest.unk("mistral7b", "flores200", "amh_Ethi", 0.2)),
        List.of(new FairnessRow("gpt4o", "flores200", 12, "eng_Latn", 1.65, 3.4, "amh_Ethi", 0.15, null, null)),
        List.of(new VocabProfileRow("gpt4o", "word_initial", "Latn", 100, 1.0)), retrieval,
        HealthFixtures.roundtrip(), HealthFixtures.robustness(), HealthFixtures.numbers(),
        HealthFixtures.vocabHealth(), HealthFixtures.vocabTokens(), Map.of("empty_text", 5L), List.of());
  }

  @Test
  void sectionsInOrderWithTheirContents() {
    String html = new ReportPage(everything(), TKS, "T").render(ManifestSectionTest.MANIFEST, "now");
    List<String> ids = List.of("premium", "worst", "split", "compression", "fertility", "coverage", "fairness",
        "vocab", "census", "roundtrip", "robustness", "numbers", "retrieval", "manifest");
    assertEquals(ids, all(html, "<section id=\"([a-z]+)\">"));
    assertEquals(ids, all(html.substring(html.indexOf("<nav>"), html.indexOf("</nav>")), "<a href=\"#([a-z]+)\">"));
    assertFalse(html.contains("Not in this report"), "every section has something");
    // the header counts the charts: premium bars, the premium split of each of the 4 tokenizers, bytes per token
    // (FLORES map, domain bars), fertility, split characters, Gini, two vocabulary charts, 7 census classes, round
    // trip (bars per corpus, FLORES map), robustness (all languages and each of the 12), numbers (F1, pieces of each
    // of the 4 sets), three retrieval curves
    int charts = count(html, "<svg class=\"chart");
    assertEquals(1 + 4 + 2 + 1 + 1 + 1 + 2 + 7 + 2 + 13 + 5 + 3, charts);
    assertTrue(html.contains(" · 4 tokenizers · 42 charts</p>"));
  }

  @Test
  void aRetrievalOnlyRunListsTheEmptySectionsOnOneLine() {
    // as conf/chunking-eval.yaml: ingest, qa, retrieval, report; the tokenize tables do not exist
    ReportData data = new ReportData(List.of(), List.of(), List.of(), List.of(), RetrievalSectionTest.ROWS, Map.of(),
        List.of("compression", "coverage", "fairness", "vocab_profile"));
    String html = new ReportPage(data, List.of("A", "B"), "T").render(null, "now");
    assertEquals(List.of("retrieval"), all(html, "<section id=\"([a-z]+)\">"));
    assertTrue(html.contains("<p class=\"skipped\">Not in this report: Token premium, Most expensive languages, "
        + "Premium split, Bytes per token, Fertility and continued words, Coverage, Fairness, Vocabulary profiles, "
        + "Vocabulary census, Round trip, Robustness, Numbers (" + Section.NO_TOKENIZE + "); Run manifest (no run "
        + "manifest (_manifest.json) was found).</p>"), html.substring(0, 3000));
    assertFalse(html.contains("Nothing to show") || html.contains("class=\"empty\">"));
  }

  @Test
  void theFilterListsTokenizersInTheirColoursAndTheLanguageNames() {
    String html = new ReportPage(everything(), TKS, "T").render(null, "now");
    int at = html.indexOf("<div class=\"filterbar\"");
    String bar = html.substring(at, html.indexOf("</script>", at));
    assertEquals(TKS, all(bar, "<input type=\"checkbox\" value=\"([^\"]+)\" checked>"));
    assertTrue(bar.contains("value=\"mistral7b\" checked><span class=\"swatch\" style=\"background:#1965b0\"></span>"
        + "mistral7b <span class=\"flag\""), "flagged for unknown tokens");
    assertTrue(bar.contains("\"hin_Deva\":\"Hindi (Devanagari)\""));
    assertTrue(bar.contains("id=\"lang-filter\""));
  }

  @Test
  void everyChartShowsATokenizerInTheSameColour() {
    String html = new ReportPage(everything(), TKS, "T").render(null, "now");
    Map<String, List<String>> colours = new HashMap<>();
    Matcher m = Pattern.compile("(?:fill|stroke)=\"(#[0-9a-f]{6})\"(?: stroke-dasharray=\"[^\"]*\")?(?: class=\"mark "
        + "(?:bar|dot)[a-z ]*\")? data-tk=\"([^\"]+)\"").matcher(html);
    int marks = 0;
    while (m.find()) {
      colours.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
      marks++;
    }
    // premium bars 48; domain bars: 4 tokenizers on general text, 2 on finance; fertility points 48 + 2, but
    // mistral7b's flagged Amharic point is hollow (fill none); Gini 1; retrieval: 3 charts x 2 tokenizers,
    // a line and 2 points each; the tokenizer premiums of the split 4 x 12 (the byte premiums are grey, and no
    // tokenizer's); census bars 7 classes x 4; round-trip bars 3 corpora x 4; F1 bars 4 sets x 4 but the 2 that
    // cut digits in threes have no F1 on grouped numbers (no boundary to find or miss)
    assertEquals(48 + 6 + 49 + 1 + 6 + 12 + 48 + 28 + 12 + 14, marks);
    List<String> palette = Palette.series(4);
    for (int i = 0; i < TKS.size(); i++) {
      assertEquals(List.of(palette.get(i)), colours.get(TKS.get(i)).stream().distinct().toList(), TKS.get(i));
    }
  }

  @Test
  void thePageIsSelfContained() {
    String html = new ReportPage(everything(), TKS, "T").render(ManifestSectionTest.MANIFEST, "now");
    // the CSS and JS resources are inlined
    assertTrue(html.contains("<style>/* The report's style") && html.contains("svg.chart{display:block;width:100%"));
    assertTrue(html.contains("<script>// The report's script") && html.contains("history.replaceState"));
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find());
    assertFalse(html.contains("@import") || html.contains("url(") || html.contains("<link"));
  }

  @Test
  void sourceFilesStaySmall() throws IOException {
    Path dir = Path.of("src/main/java/org/tokenometry/jobs/report");
    assertTrue(Files.lines(dir.resolve("ReportPage.java")).count() < 250, "the page frame");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        assertTrue(Files.lines(f).count() <= 400, f.toString());
      }
    }
  }
}
