package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.config.ReportConfig;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.testing.SparkTest;

class ReportStageTest extends SparkTest {
  @TempDir
  Path dir;

  static PipelineConfig config(Path output) {
    return new PipelineConfig(output.toString(), List.of("report"), null,
        List.of("gpt4o", "llama3", "gemma3", "mistral7b"), null, null, null, null, null,
        new ReportConfig("Sample report", 3), null);
  }

  static String render(Path output) throws Exception {
    RunManifest m = Pipeline.run(spark, config(output), new Console(new PrintStream(new ByteArrayOutputStream()),
        true));
    assertEquals("complete", m.asMap().get("status"));
    return Files.readString(output.resolve("report/index.html"));
  }

  @Test
  void drawsEveryChartFromTheAggregateTablesWithoutReadingDocuments() throws Exception {
    ReportFixtures.writeAll(spark, dir);
    String html = render(dir);

    // 1 premium bar chart (flores200) + 1 bytes/token heat map (flores200; the two single-language domain
    // corpora go to the by-domain chart) + 1 by-domain chart + 1 fertility scatter + 1 split-char heat map
    // + 1 Gini + 2 vocabulary + retrieval: 3 curves (Precision-Ω, IoU, recall) for each of the two retrievers;
    // tokenizer health: the premium split of each of the 4 tokenizers, 7 census classes, round trip (bars per
    // corpus, the flores200 map), robustness (every language, and each of the 12), numbers (F1, the pieces of
    // each of the 4 number sets)
    assertEquals(14 + 4 + 7 + 2 + 13 + 5, count(html, "<svg class=\"chart"));
    assertEquals(10 + 1 + 1 + 2 + 1 + 2, count(html, "<figure class=\"chart-box\">"));
    // every chart but the retrieval curves has its definition and a relative link to its table folder
    assertEquals(8 + 7, count(html, "<figure class=\"chart-box\"><h3>[^<]*</h3><p class=\"explain\">[^<]+ "
        + "<a href=\"\\.\\./[a-z_]+/\">"));
    // round trip: mistral7b gives back 897 of 997 Amharic and Thai documents, all of the 10 other languages'
    assertTrue(html.contains("flores200 · mistral7b: 98.3 % (11,764 of 11,964 documents; normal form 98.3 %)"));
    // robustness over every language: NFD touches all 12, each 2 % more tokens for gpt4o; 84 of 2,100 words
    assertTrue(html.contains("<title>gpt4o · nfd: 1.02 (4.0 % of words change; 1,200 of 1,200 documents changed)"));
    // the census examples came through Spark: the longest never-emitted pieces, 9 and 8 bytes
    assertTrue(html.contains("title=\"id 5004 · Ġabcdefgh · 9 bytes · 0 occurrences\">␣abcdefgh</code>"));

    // premium, hand-computed: hin_Deva under mistral7b = round(31000 x 4.8) / 31000 = 4.80
    assertTrue(html.contains("hin_Deva Hindi · mistral7b: 4.80"), "premium bar tooltip");
    // bytes per token: eng_Latn, gpt4o = 130000 / 26000 = 5.00; amh_Ethi, llama3 = 208000 / 127890 = 1.63
    assertTrue(html.contains("gpt4o · eng_Latn English (Latin): 5.00"));
    assertTrue(html.contains("llama3 · amh_Ethi Amharic (Ethiopic): 1.63"));
    // by domain: finance, gpt4o = 500000 / 110000 = 4.55
    assertTrue(html.contains("finance · gpt4o: 4.55"));
    // languages grouped by script, Latin first
    assertTrue(html.indexOf(">Latin (Latn)<") < html.indexOf(">Devanagari (Deva)<"));
    assertTrue(html.contains(">Han, simplified (Hans)<"));
    // retrieval: question-weighted mean over wikitexts (144 q) and chatlogs (56 q, x1.1) at size 200, bm25:
    // 0.21 x (144 + 56 x 1.1) / 200 = 0.21672 -> "22 %"; the axis counts the fixed windows' tokens
    assertTrue(html.contains("gpt4o · overlap 0 · chunk size (tokens of each line&#39;s tokenizer) 200: 22 %"),
        "Ω point");
    // the best setting: the highest IoU, for wikitexts and gpt4o the 200-token window with bm25
    assertTrue(html.contains("<td data-v=\"wikitexts\">wikitexts</td><td data-v=\"gpt4o\">gpt4o</td>"
        + "<td data-v=\"fixed\">fixed</td><td class=\"n\" data-v=\"200.0\">200 tokens</td>"));
    // rejects by reason and the manifest at the bottom, as tables
    assertTrue(html.contains("<tr><td>empty_text</td><td class=\"n\">5</td></tr>"));
    assertTrue(html.indexOf("id=\"manifest\"") > html.indexOf("id=\"retrieval\""));
    assertTrue(html.contains("<dt>run_id</dt>"));
    // self-contained: no external scripts, styles, images or fonts
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find());
    assertFalse(html.contains("@import") || html.contains("url("));
    assertFalse(html.contains("Not in this report"), "all tables exist");
  }

  @Test
  void sectionsWithoutTheirTablesShareOneLine() throws Exception {
    ReportFixtures.writeCompressionOnly(spark, dir);
    String html = render(dir);
    assertTrue(html.contains("<p class=\"skipped\">Not in this report: Coverage (no coverage table (the tokenize "
        + "stage writes it)); Fairness (no fairness table (the tokenize stage writes it)); Vocabulary profiles (no "
        + "vocab_profile table (the tokenize stage writes it)); Vocabulary census (no vocab_health table (the "
        + "tokenize stage writes it)); Round trip (no roundtrip table (the tokenize stage writes it)); Robustness ("
        + RobustnessSection.NOT_CONFIGURED + "); Numbers (no numbers table (the tokenize stage writes it)); Chunk "
        + "retrieval (the qa and retrieval stages did not run into this output (no retrieval table)).</p>"),
        html.substring(0, 3000));
    assertFalse(html.contains("id=\"retrieval\""));
    // compression charts still drawn: premium, its split for each of the 4 tokenizers, heat map, domain, fertility
    assertEquals(8, count(html, "<svg class=\"chart"));
    assertTrue(html.contains("No <code>rejects</code> table (the ingest stage writes it)"));
  }

  @Test
  void theConsoleNamesTheMissingTablesWithinEightyColumns() throws Exception {
    // a line per table with its path ran past 80 columns once the report read five more tables
    ReportFixtures.writeCompressionOnly(spark, dir);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Pipeline.run(spark, config(dir), new Console(new PrintStream(buf, true, StandardCharsets.UTF_8), false));
    List<String> lines = utf8(buf).lines().filter(l -> !l.startsWith("[report] starting")
        && !l.startsWith("[report] done") && !l.startsWith("[report] /")).toList();
    lines.forEach(l -> assertTrue(l.length() <= 80, "too wide: " + l));
    assertEquals("[report] tables not in this output, so their sections are skipped: coverage, fairness, "
        + "vocab_profile, vocab_health, vocab_tokens, roundtrip, robustness, numbers, retrieval, rejects",
        String.join(" ", lines));
  }

  @Test
  void reportOnAnEmptyOutputStillWritesAPage() throws Exception {
    String html = render(dir);
    assertEquals(0, count(html, "<svg class=\"chart"));
    assertTrue(html.contains("Not in this report: Token premium, Most expensive languages, Premium split, Bytes per "
        + "token, Fertility and continued words, Coverage, Fairness, Vocabulary profiles, Vocabulary census, Round "
        + "trip, Robustness, Numbers (" + Section.NO_TOKENIZE + ")"));
    assertEquals(List.of("manifest"), ReportHtml.all(html, "<section id=\"([a-z]+)\">"));
  }

  @Test
  void summaryFitsEightyColumnsAndNamesTheTopFindings() throws Exception {
    ReportFixtures.writeAll(spark, dir);
    var data = org.tokenometry.jobs.report.ReportTables.load(new TableStore(spark, dir.toString(), "t"));
    List<String> lines = org.tokenometry.jobs.console.RunSummary.lines(data, 3, dir.toString(), true);
    String text = String.join("\n", lines);
    for (String l : lines) {
      assertTrue(l.length() <= 80, "too wide: " + l);
    }
    // worst premiums: mistral7b amh 7.60, llama3 amh 4.90, mistral7b hin 4.80
    Matcher m = Pattern.compile("(?m)^  (\\S+)\\s+flores200\\s+(\\S+)\\s+(\\S+)x$").matcher(text);
    StringBuilder got = new StringBuilder();
    while (m.find()) {
      got.append(m.group(1)).append(' ').append(m.group(2)).append(' ').append(m.group(3)).append(';');
    }
    assertEquals("mistral7b amh_Ethi 7.60;llama3 amh_Ethi 4.90;mistral7b hin_Deva 4.80;", got.toString(), text);
    // best compression per domain; biomedical: llama3 300000/70500 = 4.26 ahead of gpt4o 300000/72000 = 4.17
    assertTrue(text.contains(String.format(Locale.ROOT, "biomedical  llama3          %11s  gpt4o 4.17", "4.26"))
        || Pattern.compile("biomedical\\s+llama3\\s+4\\.26\\s+gpt4o 4\\.17").matcher(text).find(), text);
    assertTrue(Pattern.compile("finance\\s+gpt4o\\s+4\\.55\\s+llama3 4\\.50").matcher(text).find(), text);
    assertTrue(text.contains("Rejects: 9 records"), text);
    // the best chunk setting per corpus and tokenizer: the 200-token windows (the highest IoU in the fixtures)
    assertTrue(Pattern.compile("chatlogs\\s+gpt4o\\s+fixed\\s+200 tokens\\s+bm25\\s+5").matcher(text).find(), text);
    assertTrue(Pattern.compile("invalid_utf8\\s+3").matcher(text).find(), text);
  }

  static int count(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static String utf8(ByteArrayOutputStream b) {
    return b.toString(StandardCharsets.UTF_8);
  }
}
