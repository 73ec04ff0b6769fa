package org.tokenometry.jobs.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.jobs.report.ReportData.Compression;
import org.tokenometry.jobs.report.ReportData.Coverage;

class RunSummaryTest {
  private static Compression row(String tokenizer, String lang, long bytes, long tokens) {
    return new Compression(tokenizer, "c", "finance", lang, 1, bytes, tokens, (double) bytes / tokens, 1.0, null, null,
        null, null, null, null, null);
  }

  private static Coverage cov(String tokenizer, String lang, double unkRate) {
    return new Coverage(tokenizer, "c", lang, unkRate, 0, 0, null, null, null, null, null);
  }

  @Test
  void aTokenizerWithManyUnknownTokensIsNotTheBestCompression() {
    // bytes/token: wp 1000/100 = 10.0 (but 5 of its 100 tokens are [UNK]), gpt4o 1000/200 = 5.0 with eng and
    // fra summed (600/100 + 400/100), llama3 1000/250 = 4.0 with 2 unknown of 250 (0.8 %, kept), chars is a
    // baseline
    List<Compression> rows = List.of(row("wp", "eng", 1000, 100), row("gpt4o", "eng", 600, 100),
        row("gpt4o", "fra", 400, 100), row("llama3", "eng", 1000, 250), row("chars", "eng", 1000, 1000));
    List<Coverage> coverage = List.of(cov("wp", "eng", 0.05), cov("gpt4o", "eng", 0), cov("gpt4o", "fra", 0),
        cov("llama3", "eng", 0.008));
    List<String> lossy = new ArrayList<>();
    List<String[]> best = RunSummary.bestPerDomain(rows, coverage, lossy);
    assertEquals(1, best.size());
    assertArrayEquals(new String[] {"finance", "gpt4o", "5.00", "llama3 4.00"}, best.get(0));
    assertEquals(List.of("wp"), lossy);
  }
}
