package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.config.ReportConfig;
import org.tokenometry.testing.SparkTest;

/**
 * Opens two reports in headless Chromium (driven over the DevTools protocol) at 1280 and 390 px and checks what a
 * reader would see: the sample (every chart drew data marks, sorting, the filter hides a tokenizer's series in
 * every chart and keeps its state in the URL hash, the retrieval selectors) and a FLORES-size report (204
 * languages x 15 tokenizers: the premium map stays about 3,000 px tall); at 390 px nothing overflows the page
 * outside a chart's own box; nothing is fetched besides the page, no console errors. Writes
 * {@code jobs/target/report-{sample,flores}-{1280,390}.png}. Run alone with {@code -Dgroups=browser}.
 */
@Tag("browser")
class ReportBrowserTest extends SparkTest {
  static final String INSTALL = "apt-get update && apt-get install -y chromium (scripts/test does this when run as root)";

  @TempDir
  Path dir;

  @Test
  void readersSeeEveryChartAtBothWidthsAndTheFilterObeys() throws Exception {
    Path chromium = chromium();
    Path output = dir.resolve("out");
    ReportFixtures.writeAll(spark, output);
    PipelineConfig config = new PipelineConfig(output.toString(), List.of("report"), null,
        ReportFixtures.TOKENIZERS, null, null, null, null, null, new ReportConfig("Sample report", 3), null);
    Pipeline.run(spark, config, new Console(new PrintStream(new ByteArrayOutputStream()), true));
    String sample = output.resolve("report/index.html").toUri().toString();
    Path flores = dir.resolve("flores.html");
    Files.writeString(flores, new ReportPage(FloresSizedReport.data(), FloresSizedReport.TOKENIZERS,
        "FLORES-size report").render(ManifestSectionTest.MANIFEST, "now"));

    Path profile = Files.createDirectories(dir.resolve("profile"));
    Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--window-size=1280,900", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    try (DevTools dt = DevTools.connectToPage(port(profile, browser))) {
      for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
        dt.call(domain + ".enable", Map.of());
      }
      dt.events.clear(); // only what the report pages do counts

      open(dt, sample, 1280);
      everyChartDrewItsData(dt);
      everyShownChartIsLaidOut(dt, 1280);
      tablesSort(dt);
      theFilterHidesATokenizerInEveryChart(dt);
      theLanguageFilterKeepsMatchingLanguages(dt);
      theRetrievalSelectorsSwitchTheCharts(dt);
      screenshot(dt, "report-sample-1280.png", 1280);
      open(dt, sample, 390);
      nothingOverflowsThePage(dt);
      everyShownChartIsLaidOut(dt, 390);
      screenshot(dt, "report-sample-390.png", 390);

      open(dt, flores.toUri().toString(), 1280);
      JsonNode map = dt.eval("(function(){var s = document.querySelector('svg[data-chart=\"premium-flores200\"]');"
          + "var r = s.getBoundingClientRect(); return {h: r.height, marks: s.querySelectorAll('.mark').length};})()");
      assertEquals(204 * 15, map.get("marks").asInt());
      double h = map.get("h").asDouble();
      assertTrue(h > 2800 && h < 3100, "the FLORES premium map is " + h + " px tall");
      theHealthSectionsShowAndObeyTheFilter(dt, 1280);
      theRobustnessSelectorShowsOneScript(dt);
      screenshot(dt, "report-flores-1280.png", 1280);
      open(dt, flores.toUri().toString(), 390);
      nothingOverflowsThePage(dt);
      theHealthSectionsShowAndObeyTheFilter(dt, 390);
      assertEquals(h, dt.eval("document.querySelector('svg[data-chart=\"premium-flores200\"]')"
          + ".getBoundingClientRect().height").asDouble(), 0.5, "a heat map keeps its size on a phone");
      screenshot(dt, "report-flores-390.png", 390);

      List<String> requests = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (JsonNode e : dt.events) {
        String m = e.path("method").asText();
        JsonNode p = e.path("params");
        switch (m) {
          case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
          case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
          case "Runtime.consoleAPICalled" -> {
            if (List.of("error", "assert", "warning").contains(p.path("type").asText())) {
              problems.add("console." + p.path("type").asText() + ": " + p.path("args"));
            }
          }
          case "Log.entryAdded" -> {
            if ("error".equals(p.path("entry").path("level").asText())) {
              problems.add("log: " + p.path("entry"));
            }
          }
          default -> { }
        }
      }
      assertEquals(List.of(sample, sample, flores.toUri().toString(), flores.toUri().toString()),
          requests.stream().map(u -> u.replaceAll("#.*", "")).toList(), "the pages fetched something besides themselves");
      assertEquals(List.of(), problems);
    } finally {
      stop(browser);
    }
  }

  /** Loads {@code url} in a viewport {@code width} px wide (a phone's at 390: touch, no desktop scaling). */
  static void open(DevTools dt, String url, int width) throws Exception {
    dt.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900, "deviceScaleFactor", 1,
        "mobile", width < 500));
    dt.events.removeIf(e -> "Page.loadEventFired".equals(e.path("method").asText()));
    dt.call("Page.navigate", Map.of("url", url));
    dt.await("Page.loadEventFired", 60_000);
  }

  static void everyChartDrewItsData(DevTools dt) throws Exception {
    JsonNode charts = dt.eval("Array.from(document.querySelectorAll('svg.chart')).map(function(s){"
        + "return {id: s.dataset.chart, marks: s.querySelectorAll('.mark').length};})");
    Map<String, Integer> marks = new TreeMap<>();
    for (JsonNode c : charts) {
      marks.put(c.get("id").asText(), c.get("marks").asInt());
    }
    // 8 charts, and 3 retrieval curves for each of the two retrievers; tokenizer health: the premium split of
    // each of the 4 tokenizers, 7 census classes, 2 round-trip charts, robustness over every language and each of
    // the 12, numbers: F1 and the pieces of each of the 4 number sets
    assertEquals(14 + 4 + 7 + 2 + 13 + 5, marks.size(), "charts: " + marks);
    marks.forEach((id, n) -> assertTrue(n > 0, "chart " + id + " drew no data marks: " + marks));
    // marks follow the data: 12 languages x 4 tokenizers premium bars and bytes-per-token cells, 2 tokenizers
    // x 3 chunk sizes retrieval points, 4 tokenizers x (12 languages + 2 domain corpora) fertility points
    assertEquals(48, marks.get("premium-flores200"));
    assertEquals(48, marks.get("bpt-flores200"));
    assertEquals(6, marks.get("retrieval-pomega-char-bm25-k5-fixed"));
    assertEquals(4 * 12 + 4 * 2, marks.get("fertility"));
  }

  /**
   * FLORES-size: each tokenizer-health section draws the charts of its shown selection with room on the page, and
   * unchecking gpt4o hides every gpt4o mark, label and line in them (the hidden selections' too).
   */
  static void theHealthSectionsShowAndObeyTheFilter(DevTools dt, int width) throws Exception {
    String js = "(function(){var out = {}; ['split','census','roundtrip','robustness','numbers'].forEach(function(id){"
        + "  var sec = document.getElementById(id); if (!sec) { return; }"
        + "  var shown = Array.from(sec.querySelectorAll('svg.chart')).filter(function(s){"
        + "    return !s.closest('[hidden]'); });"
        + "  var laidOut = shown.every(function(s){ var r = s.getBoundingClientRect(),"
        + "      b = s.closest('.plot').getBoundingClientRect();"
        + "    return r.width > 100 && r.height > 50 && b.width > 100; });"
        + "  var mine = Array.from(sec.querySelectorAll('svg.chart [data-tk=\"gpt4o\"]'));"
        + "  out[id] = {shown: shown.length, laidOut: laidOut, gpt4o: mine.length, visible: mine.filter(function(e){"
        + "    return getComputedStyle(e).display !== 'none'; }).length};"
        + "}); return out;})()";
    JsonNode before = dt.eval(js);
    // shown: gpt4o's premium split, 7 census classes, round trip (bars, the 204-language map), robustness over
    // every language, numbers (F1, the pieces of the corpora's numbers)
    Map<String, Integer> shown = Map.of("split", 1, "census", 7, "roundtrip", 2, "robustness", 1, "numbers", 2);
    shown.forEach((id, n) -> {
      JsonNode sec = before.get(id);
      assertTrue(sec != null, width + " px: section " + id + " is on the page");
      assertEquals(n, sec.get("shown").asInt(), width + " px, " + id);
      assertTrue(sec.get("laidOut").asBoolean(), width + " px, " + id + " laid out: " + sec);
      assertTrue(sec.get("visible").asInt() > 0 && sec.get("visible").asInt() == sec.get("gpt4o").asInt(),
          width + " px, " + id + ": " + sec);
    });
    dt.eval("(function(){var b = document.querySelector('#filter input[value=\"gpt4o\"]'); b.checked = false;"
        + "b.dispatchEvent(new Event('change'));})()");
    JsonNode after = dt.eval(js);
    shown.keySet().forEach(id -> assertEquals(0, after.get(id).get("visible").asInt(), "gpt4o hidden in " + id));
    dt.eval("document.querySelector('#filter button[data-set=\"all\"]').click()");
  }

  /** The robustness selector shows one script's matrix instead of the one over every language. */
  static void theRobustnessSelectorShowsOneScript(DevTools dt) throws Exception {
    String visible = "Array.from(document.querySelectorAll('#robustness .rcombo')).filter(function(c){"
        + " return !c.hidden; }).map(function(c){ return c.dataset.scope; }).join(',')";
    assertEquals("all", dt.eval(visible).asText());
    dt.eval("(function(){var s = document.querySelector('#robustness select[name=\"scope\"]'); s.value = 'Deva';"
        + "s.dispatchEvent(new Event('change'));})()");
    assertEquals("Deva", dt.eval(visible).asText());
  }

  /** Every chart not in a hidden retrieval selection has room on the page, at the current width. */
  static void everyShownChartIsLaidOut(DevTools dt, int width) throws Exception {
    JsonNode charts = dt.eval("Array.from(document.querySelectorAll('svg.chart')).filter(function(s){"
        + "return !s.closest('[hidden]'); }).map(function(s){ var r = s.getBoundingClientRect();"
        + "var box = s.closest('.plot').getBoundingClientRect(); return {id: s.dataset.chart, w: r.width, h: r.height,"
        + " boxW: box.width, boxH: box.height};})");
    // 8 charts and the 3 retrieval curves of the selection shown; tokenizer health: one premium split, 7 census
    // classes, 2 round-trip charts, one robustness view, numbers F1 and one pieces view
    assertEquals(11 + 1 + 7 + 2 + 1 + 2, charts.size(), "the charts of the selections shown");
    for (JsonNode c : charts) {
      assertTrue(c.get("w").asDouble() > 100 && c.get("h").asDouble() > 50, width + " px, chart laid out: " + c);
      assertTrue(c.get("boxW").asDouble() > 100 && c.get("boxH").asDouble() > 50, width + " px, its box: " + c);
    }
  }

  /** The premium table sorts by value: gpt4o (the fourth column) ascending puts English (1.00), then Chinese. */
  static void tablesSort(DevTools dt) throws Exception {
    String js = "(function(){var t = document.getElementById('premium-table-flores200');"
        + "t.tHead.rows[0].cells[3].click(); return t.tBodies[0].rows[0].cells[0].textContent + ','"
        + " + t.tBodies[0].rows[1].cells[0].textContent;})()";
    assertEquals("eng_Latn,zho_Hans", dt.eval(js).asText());
    assertEquals("amh_Ethi", dt.eval(js).asText().split(",")[0], "a second click sorts descending");
  }

  static void theFilterHidesATokenizerInEveryChart(DevTools dt) throws Exception {
    String count = "(function(){var shown = 0, hidden = 0, charts = 0;"
        + "document.querySelectorAll('svg.chart').forEach(function(s){"
        + "  var els = s.querySelectorAll('[data-tk=\"llama3\"]'); if (els.length) { charts++; }"
        + "  els.forEach(function(e){ if (getComputedStyle(e).display === 'none') { hidden++; } else { shown++; } });"
        + "}); var others = Array.from(document.querySelectorAll('svg.chart [data-tk=\"gpt4o\"]'))"
        + "  .filter(function(e){ return getComputedStyle(e).display !== 'none'; }).length;"
        + "return {shown: shown, hidden: hidden, charts: charts, others: others, hash: location.hash};})()";
    JsonNode before = dt.eval(count);
    // llama3 is in the premium, bytes-per-token, domain, fertility, split-character, Gini and vocabulary charts
    // and the six retrieval charts; in its own premium split, the 7 census classes, both round-trip charts, the 13
    // robustness views, numbers F1 and the pieces of the 4 number sets
    assertEquals(14 + 1 + 7 + 2 + 13 + 5, before.get("charts").asInt());
    assertEquals(0, before.get("hidden").asInt());
    dt.eval("(function(){var b = document.querySelector('#filter input[value=\"llama3\"]'); b.checked = false;"
        + "b.dispatchEvent(new Event('change'));})()");
    JsonNode after = dt.eval(count);
    assertEquals(0, after.get("shown").asInt(), "every llama3 mark, label and line hidden: " + after);
    assertEquals(before.get("shown").asInt(), after.get("hidden").asInt());
    assertEquals(before.get("others").asInt(), after.get("others").asInt(), "gpt4o untouched");
    assertEquals("#hide=llama3", after.get("hash").asText());
    assertEquals("3 of 4 tokenizers, all languages",
        dt.eval("document.querySelector('.filter-state').textContent").asText());
    dt.eval("document.querySelector('#filter button[data-set=\"all\"]').click()");
    assertEquals(0, dt.eval(count).get("hidden").asInt());
  }

  static void theLanguageFilterKeepsMatchingLanguages(DevTools dt) throws Exception {
    // "hindi" matches the ICU name of hin_Deva
    dt.eval("(function(){var i = document.getElementById('lang-filter'); i.value = 'hindi';"
        + "i.dispatchEvent(new Event('input'));})()");
    JsonNode shown = dt.eval("(function(){var vis = function(sel){ return Array.from(document.querySelectorAll(sel))"
        + ".filter(function(e){ return getComputedStyle(e).display !== 'none'; }).length; };"
        + "return {rows: vis('#premium-table-flores200 tbody tr'), bars: vis('svg[data-chart=\"premium-flores200\"] "
        + ".mark'), hash: location.hash};})()");
    assertEquals(1, shown.get("rows").asInt());
    assertEquals(4, shown.get("bars").asInt(), "Hindi's bar for each of the 4 tokenizers");
    assertEquals("#lang=hindi", shown.get("hash").asText());
    dt.eval("(function(){var i = document.getElementById('lang-filter'); i.value = '';"
        + "i.dispatchEvent(new Event('input'));})()");
  }

  static void theRetrievalSelectorsSwitchTheCharts(DevTools dt) throws Exception {
    String visible = "Array.from(document.querySelectorAll('#retrieval .rcombo')).filter(function(c){"
        + " return !c.hidden; }).map(function(c){ return c.dataset.retriever; }).join(',')";
    assertEquals("bm25", dt.eval(visible).asText());
    dt.eval("(function(){var s = document.querySelector('#retrieval .rcontrols select[name=\"retriever\"]');"
        + "s.value = 'minilm'; s.dispatchEvent(new Event('change'));})()");
    assertEquals("minilm", dt.eval(visible).asText());
  }

  /** At a phone's width only a chart's or table's own box may scroll sideways, never the page. */
  static void nothingOverflowsThePage(DevTools dt) throws Exception {
    JsonNode w = dt.eval("({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})");
    assertTrue(w.get("scroll").asInt() <= w.get("inner").asInt(), "horizontal overflow at 390 px: " + w);
  }

  /** The whole page (up to 16,000 px) to {@code jobs/target/<name>}. */
  static void screenshot(DevTools dt, String name, int width) throws Exception {
    JsonNode metrics = dt.call("Page.getLayoutMetrics", Map.of());
    double height = Math.min(16_000, metrics.path("cssContentSize").path("height").asDouble(4000));
    JsonNode shot = dt.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Path png = Path.of("target", name).toAbsolutePath();
    Files.createDirectories(png.getParent());
    Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
    assertTrue(Files.size(png) > 20_000, "screenshot written: " + png);
  }

  /**
   * Stops Chromium and every process it started, and waits for them: a renderer or crash handler still writing
   * into the profile folder made the temporary folder's deletion fail after the test had passed.
   */
  static void stop(Process browser) throws InterruptedException {
    List<ProcessHandle> family = new java.util.ArrayList<>(browser.descendants().toList()); // before it exits
    family.add(browser.toHandle());
    family.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : family) {
      try {
        p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        p.destroyForcibly();
        p.onExit().join();
      }
    }
  }

  /** The Chromium binary; the test fails (never skips) with the install command when it is missing. */
  static Path chromium() {
    String configured = System.getenv("CHROMIUM");
    for (String c : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (c != null && Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    return fail("headless Chromium not found (looked at $CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser); "
        + "install it: " + INSTALL);
  }

  /** The DevTools port Chromium chose, from DevToolsActivePort in its profile folder. */
  static int port(Path profile, Process browser) throws Exception {
    Path file = profile.resolve("DevToolsActivePort");
    for (int i = 0; i < 600; i++) {
      if (Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      if (!browser.isAlive()) {
        fail("chromium exited with " + browser.exitValue() + " before opening its DevTools port; see "
            + profile.getParent().resolve("chromium.log"));
      }
      Thread.sleep(100);
    }
    return fail("chromium did not write " + file + " within 60 s");
  }
}
