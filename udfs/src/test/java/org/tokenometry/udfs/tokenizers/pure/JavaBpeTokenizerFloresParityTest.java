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
 * Every line of FLORES-200 dev, in every language, encodes to the same ids, offsets and flags as the
 * reference engine, for every tokenizer this engine claims.
 */
@Tag("reference")
class JavaBpeTokenizerFloresParityTest {
  @ParameterizedTest
  @ValueSource(strings = {"gpt2", "gpt35turbo", "gpt4o", "llama3", "qwen3", "deepseek_v3", "claude", "mistral7b",
      "gemma3", "gemini", "llama2", "minilm", "bge_small_zh"})
  void matchesReferenceEngineOnEveryFloresLanguage(String name) throws IOException {
    String tokenizers = System.getProperty("tokenometry.tokenizers", ""); // a debugging subset, e.g. gemma3
    Assumptions.assumeTrue(tokenizers.isBlank() || List.of(tokenizers.split(",")).contains(name),
        "-Dtokenometry.tokenizers=" + tokenizers + " leaves out " + name);
    List<Path> files;
    try (Stream<Path> s = Files.list(ReferenceData.file("flores200/dev"))) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".dev")).sorted().toList();
    }
    assertTrue(files.size() >= 200, "FLORES dev languages: " + files.size());
    String only = System.getProperty("tokenometry.languages", ""); // e.g. yor_Latn,tha_Thai when debugging
    if (!only.isBlank()) {
      List<String> langs = List.of(only.split(","));
      files = files.stream().filter(p -> langs.contains(p.getFileName().toString().replace(".dev", ""))).toList();
      assertTrue(!files.isEmpty(), "no FLORES file for " + only);
    }
    Tokenizer engine = JavaEngines.load(name, ReferenceData.tokenizer(name));
    List<String> mismatches = new ArrayList<>();
    long lines = 0;
    long tokens = 0;
    try (HfTokenizer reference = HfTokenizer.load(name, ReferenceData.tokenizer(name))) {
      for (Path f : files) {
        String lang = f.getFileName().toString().replace(".dev", "");
        int bad = 0;
        String first = null;
        List<String> text = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < text.size(); i++) {
          String d = EngineParity.diff(reference, engine, text.get(i));
          lines++;
          tokens += engine.count(text.get(i));
          if (d != null) {
            bad++;
            if (first == null) {
              first = "line " + (i + 1) + ": " + d;
            }
          }
        }
        if (bad > 0) {
          mismatches.add(lang + ": " + bad + " lines, first " + first);
        }
      }
    }
    System.out.printf("%s: %d FLORES dev lines in %d languages, %d tokens, %d languages with mismatches%n",
        name, lines, files.size(), tokens, mismatches.size());
    mismatches.forEach(m -> System.out.println("  " + m));
    assertEquals(List.of(), mismatches, name + ": languages with mismatches");
  }
}
