package org.tokenometry.jobs.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void padsColumnsAndRightAlignsNumbers() {
    List<String> lines = new TextTable("tokenizer", ">premium").row("gpt4o", "1.30x").row("mistral7b", "7.60x")
        .lines(2, 80);
    assertEquals(List.of("  tokenizer  premium", "  gpt4o        1.30x", "  mistral7b    7.60x"), lines);
  }

  @Test
  void shortensTheWidestTextColumnToFitTheWidth() {
    String longPath = "hdfs://namenode:8020/user/data/corpora/flores200/dev/".repeat(3);
    List<String> lines = new TextTable("source", "reason", ">records").row(longPath, "invalid_utf8", "12")
        .lines(2, 80);
    for (String l : lines) {
      assertTrue(l.length() <= 80, l.length() + ": " + l);
    }
    assertEquals(80, lines.get(1).length());
    assertTrue(lines.get(1).contains("…  invalid_utf8       12"), lines.get(1));
  }
}
