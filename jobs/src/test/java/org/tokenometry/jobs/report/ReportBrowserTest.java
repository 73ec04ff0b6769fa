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
 * Opens a sample report in headless Chromium (driven over the DevTools protocol) and checks what a reader would
 * see: every chart drew data marks, nothing was fetched besides the file, no console errors, sorting works.
 * Writes {@code jobs/target/report-screenshot.png}. Run alone with {@code -Dgroups=browser}.
 */
@Tag("browser")
class ReportBrowserTest extends SparkTest {
  static final String INSTALL = "apt-get update && apt-get install -y chromium (scripts/test does this when run as root)";

  @TempDir
  Path dir;

  @Test
  void everyChartDrawsDataAndThePageIsSelfContained() throws Exception {
    Path chromium = chromium();
    Path output = dir.resolve("out");
    ReportFixtures.writeAll(spark, output);
    PipelineConfig config = new PipelineConfig(output.toString(), List.of("report"), null,
        ReportFixtures.TOKENIZERS, null, null, null, null, null, new ReportConfig("Sample report", 3), null);
    Pipeline.run(spark, config, new Console(new PrintStream(new ByteArrayOutputStream()), true));
    Path page = output.resolve("report/index.html");
    String url = page.toUri().toString();

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
      dt.events.clear(); // only what the report page does counts
      dt.call("Page.navigate", Map.of("url", url));
      dt.await("Page.loadEventFired", 60_000);

      // every chart drew data points
      JsonNode charts = dt.eval("Array.from(document.querySelectorAll('svg.chart')).map(function(s){"
          + "var r = s.getBoundingClientRect(); return {id: s.dataset.chart, marks: s.querySelectorAll('.mark').length,"
          + " w: r.width, h: r.height};})");
      Map<String, Integer> marks = new TreeMap<>();
      for (JsonNode c : charts) {
        marks.put(c.get("id").asText(), c.get("marks").asInt());
        assertTrue(c.get("w").asDouble() > 100 && c.get("h").asDouble() > 50, "chart laid out: " + c);
      }
      assertEquals(11, marks.size(), "charts: " + marks);
      marks.forEach((id, n) -> assertTrue(n > 0, "chart " + id + " drew no data marks: " + marks));
      // marks per chart follow the data: 12 languages x 4 tokenizers premium bars, 4 x 12 heat-map cells,
      // 2 tokenizers x 2 retrievers x 3 chunk sizes retrieval points
      assertEquals(48, marks.get("premium-flores200"));
      assertEquals(48, marks.get("bpt-flores200"));
      assertEquals(12, marks.get("retrieval-pomega-char"));
      assertEquals(4 * 12 + 4 * 2, marks.get("fertility")); // 4 tokenizers x (12 languages + 2 domain corpora)

      // the sortable table sorts by value: gpt4o premium ascending puts English (1.00) first, then Chinese (1.10)
      String firstAsc = dt.eval("(function(){var t = document.getElementById('premium-table-flores200');"
          + "t.tHead.rows[0].cells[2].click(); return t.tBodies[0].rows[0].cells[0].textContent + ','"
          + " + t.tBodies[0].rows[1].cells[0].textContent;})()").asText();
      assertEquals("eng_Latn,zho_Hans", firstAsc);
      String firstDesc = dt.eval("(function(){var t = document.getElementById('premium-table-flores200');"
          + "t.tHead.rows[0].cells[2].click(); return t.tBodies[0].rows[0].cells[0].textContent;})()").asText();
      assertEquals("amh_Ethi", firstDesc);

      // full-page screenshot for a person to look at
      JsonNode metrics = dt.call("Page.getLayoutMetrics", Map.of());
      double height = Math.min(16_000, metrics.path("cssContentSize").path("height").asDouble(4000));
      JsonNode shot = dt.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
          "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", height, "scale", 1)));
      Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
      Files.createDirectories(png.getParent());
      Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
      Files.copy(page, png.resolveSibling("report-sample.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertTrue(Files.size(png) > 20_000, "screenshot written: " + png);

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
      assertEquals(List.of(url), requests, "the page fetched something besides itself");
      assertEquals(List.of(), problems);
    } finally {
      stop(browser);
    }
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
