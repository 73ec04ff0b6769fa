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
import org.tokenometry.udfs.ingest.TextRepair;
import org.tokenometry.udfs.tokenizers.HfTokenizer;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * Every file of the domain corpora (SEC 10-K, PubMed, APT reports), whole, as ingest's file mode makes it a
 * document (controls repaired), encodes to the same ids, offsets and flags on both engines and decodes to the
 * same text.
 */
@Tag("reference")
class DomainCorporaParityTest {
  @ParameterizedTest
  @ValueSource(strings = {"gpt2", "gpt35turbo", "gpt4o", "llama3", "qwen3", "deepseek_v3", "claude", "mistral7b",
      "gemma3", "gemini", "llama2", "minilm", "bge_small_zh"})
  void bothEnginesAgreeOnWholeDomainFiles(String name) throws IOException {
    String tokenizers = System.getProperty("tokenometry.tokenizers", "");
    Assumptions.assumeTrue(tokenizers.isBlank() || List.of(tokenizers.split(",")).contains(name),
        "-Dtokenometry.tokenizers=" + tokenizers + " leaves out " + name);
    List<Path> files = new ArrayList<>();
    for (String d : List.of("finance", "pubmed", "cyber")) {
      try (Stream<Path> s = Files.list(ReferenceData.file("domain/" + d))) {
        s.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() >= 13, "domain files: " + files.size());
    Tokenizer engine = JavaEngines.load(name, ReferenceData.tokenizer(name));
    List<String> mismatches = new ArrayList<>();
    long tokens = 0;
    try (HfTokenizer reference = HfTokenizer.load(name, ReferenceData.tokenizer(name))) {
      for (Path f : files) {
        String text = TextRepair.repair(Files.readString(f, StandardCharsets.UTF_8)).text();
        String d = EngineParity.diff(reference, engine, text);
        int[] ids = engine.encode(text).ids();
        tokens += ids.length;
        if (d != null) {
          mismatches.add(f.getFileName() + " encode: " + d);
        } else if (!reference.decode(ids).equals(engine.decode(ids))) {
          mismatches.add(f.getFileName() + ": the decoded texts differ");
        }
      }
    }
    System.out.printf("%s: %d domain files, %d tokens, %d mismatches%n", name, files.size(), tokens, mismatches.size());
    assertEquals(List.of(), mismatches, name);
  }
}
