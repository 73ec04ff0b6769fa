package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.HfTokenizer;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/** Ids, offsets and flags equal the reference engine's on every line of a hand-written multilingual sample. */
class JavaBpeTokenizerParityTest {
  static List<String> sample() throws IOException {
    List<String> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        JavaBpeTokenizerParityTest.class.getResourceAsStream("/tokenizers/parity-sample.jsonl"),
        StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(json.readValue(line, String.class));
      }
    }
    return lines;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt2", "gpt35turbo", "gpt4o", "llama3", "qwen3", "deepseek_v3", "claude", "mistral7b",
      "gemma3", "gemini", "llama2", "minilm", "bge_small_zh"})
  void matchesReferenceEngineOnSample(String name) throws IOException {
    List<String> lines = sample();
    assertTrue(lines.size() >= 30, "sample has " + lines.size() + " lines");
    Tokenizer engine = JavaEngines.load(name, ReferenceData.tokenizer(name));
    List<String> mismatches = new ArrayList<>();
    try (HfTokenizer reference = HfTokenizer.load(name, ReferenceData.tokenizer(name))) {
      assertEquals(reference.vocabSize(), engine.vocabSize());
      for (int i = 0; i < lines.size(); i++) {
        String d = EngineParity.diff(reference, engine, lines.get(i));
        if (d != null) {
          mismatches.add("line " + (i + 1) + ": " + d);
        }
      }
      // the whole sample as one document too: added tokens, newlines and caches across lines
      String d = EngineParity.diff(reference, engine, String.join("\n", lines));
      if (d != null) {
        mismatches.add("joined: " + d);
      }
    }
    assertEquals(List.of(), mismatches, name + ": " + mismatches.size() + " mismatching lines");
  }
}
