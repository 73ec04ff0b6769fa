package org.tokenometry.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.report.ReportFixtures;
import org.tokenometry.testing.SparkTest;

/** {@code tokenometry report CONFIG} end to end: the page, the manifest and the closing summary on stdout. */
class CliReportRunTest extends SparkTest {
  @TempDir
  Path dir;

  @Test
  void reportCommandWritesThePageAndPrintsASummaryThatFitsEightyColumns() throws Exception {
    Path output = dir.resolve("out");
    ReportFixtures.writeAll(spark, output);
    Path cfg = dir.resolve("run.yaml");
    Files.writeString(cfg, "output: out\ntokenizers: [gpt4o, llama3, gemma3, mistral7b]\n"
        + "report:\n  title: CLI run\n  summary_rows: 2\n");

    // the CLI reuses this JVM's SparkSession (getOrCreate) and stops it at the end, as a real run does
    CliTest.Result r = CliTest.run("report", cfg.toString(), "--master", "local[2]", "-q");
    spark = null;

    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(output.resolve("report/index.html")).contains("<title>CLI run</title>"));
    String manifest = Files.readString(output.resolve("_manifest.json"));
    assertTrue(manifest.contains("\"status\" : \"complete\""), manifest);
    assertTrue(manifest.contains("report/index.html"), manifest);

    String out = r.out();
    for (String line : out.split("\n")) {
      assertTrue(line.length() <= 80, "wider than 80 columns: " + line);
    }
    assertTrue(out.contains("Highest token premiums"), out);
    // summary_rows: 2 -> the two highest premiums only
    assertTrue(Pattern.compile("(?m)^  mistral7b\\s+flores200\\s+amh_Ethi\\s+7\\.60x$").matcher(out).find(), out);
    assertTrue(Pattern.compile("(?m)^  llama3\\s+flores200\\s+amh_Ethi\\s+4\\.90x$").matcher(out).find(), out);
    // general domain (flores200, 12 languages): gemma3 2,577,900 bytes / 488,700 tokens = 5.28, gpt4o 4.99
    assertTrue(Pattern.compile("(?m)^  general\\s+gemma3\\s+5\\.28\\s+gpt4o 4\\.99$").matcher(out).find(), out);
    assertTrue(!out.contains("hin_Deva"), "only two premium rows: " + out);
    assertTrue(out.contains("Rejects: 9 records"), out);
    assertTrue(out.contains("Report: " + output + "/report/index.html"), out);
    assertTrue(out.endsWith("output: " + output + "\n"), out);
  }
}
