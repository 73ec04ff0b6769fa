package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.HfTokenizer;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * Every line of FLORES-200 dev, in every language, decodes to the same text on both engines, for every
 * tokenizer file (the ids decoded are the line's encoding, equal on both engines by
 * {@link JavaBpeTokenizerFloresParityTest}). Also counts the lines that round-trip exactly, as a sanity check
 * of the numbers the round-trip metric reports, and checks the round trip's shortcut ({@code decodesTo})
 * against decoding on every line.
 */
@Tag("reference")
class DecodeFloresParityTest {
  @ParameterizedTest
  @ValueSource(strings = {"gpt2", "gpt35turbo", "gpt4o", "llama3", "qwen3", "deepseek_v3", "claude", "mistral7b",
      "gemma3", "gemini", "llama2", "minilm", "bge_small_zh"})
  void decodeEqualsReferenceEngineOnEveryFloresLine(String name) throws IOException {
    String tokenizers = System.getProperty("tokenometry.tokenizers", ""); // a debugging subset, e.g. gemma3
    Assumptions.assumeTrue(tokenizers.isBlank() || List.of(tokenizers.split(",")).contains(name),
        "-Dtokenometry.tokenizers=" + tokenizers + " leaves out " + name);
    List<Path> files;
    try (Stream<Path> s = Files.list(ReferenceData.file("flores200/dev"))) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".dev")).sorted().toList();
    }
    assertEquals(204, files.size(), "FLORES dev languages");
    Tokenizer engine = JavaEngines.load(name, ReferenceData.tokenizer(name));
    List<String> mismatches = new ArrayList<>();
    long lines = 0;
    long exact = 0;
    try (HfTokenizer reference = HfTokenizer.load(name, ReferenceData.tokenizer(name))) {
      for (Path f : files) {
        List<String> text = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < text.size(); i++) {
          int[] ids = engine.encode(text.get(i)).ids();
          String want = reference.decode(ids);
          String got = engine.decode(ids);
          lines++;
          exact += got.equals(text.get(i)) ? 1 : 0;
          if (!want.equals(got) && mismatches.size() < 10) {
            mismatches.add(f.getFileName() + ":" + (i + 1) + " reference '" + want + "' java '" + got + "'");
          }
          Boolean quick = engine.decodesTo(ids, text.get(i)); // the round trip's shortcut, where it answers
          if (quick != null && quick != want.equals(text.get(i)) && mismatches.size() < 10) {
            mismatches.add(f.getFileName() + ":" + (i + 1) + " decodesTo " + quick + ", decoding gives '" + want + "'");
          }
        }
      }
    }
    System.out.printf("%s: %d FLORES dev lines decoded alike, %d of them exactly the line%n", name, lines, exact);
    assertEquals(List.of(), mismatches, name);
    assertTrue(lines == 204L * 997, "lines: " + lines);
  }
}
