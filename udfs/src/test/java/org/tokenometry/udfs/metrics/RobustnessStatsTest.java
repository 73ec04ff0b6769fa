package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.perturb.PerturbedText;
import org.tokenometry.udfs.tables.RobustnessRow;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

class RobustnessStatsTest {
  private static Tokenizer load(String name) {
    return TokenizerRegistry.open(name, "hf", ReferenceData.tokenizer(name));
  }

  /** Every perturbation of one document through one tokenizer, as the pass does it. */
  private static RobustnessStats measure(Tokenizer t, String text, List<String> perturbations) {
    DocumentText doc = DocumentText.of(text);
    Encoding enc = t.encode(text);
    RobustnessStats s = new RobustnessStats();
    for (PerturbedText p : RobustnessPlan.of(perturbations, 1.0, 2000, 42).perturb("doc-1", doc)) {
      s.add(doc, enc, p, p.changed() ? t.encode(p.text()) : enc, p.changed() ? 1_000_000 : 0);
    }
    return s;
  }

  @Test
  void cl100kOnHomoglyphsAndDoubledSpaces() {
    // "The cat sat on the mat." is 7 cl100k tokens. Every letter with a look-alike swapped:
    // "Тһҽ сαt ѕαt σn tһе mаt." is 22 tokens (Cyrillic/Greek letters mostly split into bytes): all 6 words cut
    // differently. Every space doubled: 12 tokens (a lone " " before each word, then " cat" as before), no word cut
    // differently. nfd leaves ASCII as it is: no change, no encoding time.
    RobustnessStats s =
        measure(load("gpt35turbo"), "The cat sat on the mat.", List.of("homoglyphs", "whitespace", "nfd"));
    PerturbationStats h = s.byPerturbation().get("homoglyphs");
    assertEquals(1, h.docs());
    assertEquals(1, h.changedDocs());
    assertEquals(7, h.tokens());
    assertEquals(22, h.perturbedTokens());
    assertEquals(22.0 / 7, h.tokenInflation(), 1e-12);
    assertEquals(6, h.changedWords());
    assertEquals(1.0, h.wordChangeRate(), 0);
    assertEquals(0.0, h.unkRateDelta(), 0);
    PerturbationStats w = s.byPerturbation().get("whitespace");
    assertEquals(12.0 / 7, w.tokenInflation(), 1e-12);
    assertEquals(0.0, w.wordChangeRate(), 0);
    PerturbationStats n = s.byPerturbation().get("nfd");
    assertEquals(0, n.changedDocs());
    assertEquals(1.0, n.tokenInflation(), 0);
    assertEquals(0.0, n.encodeSeconds(), 0);
    assertEquals(0.001, h.encodeSeconds(), 0);
  }

  @Test
  void byteFallbackAndUnknownDeltas() {
    // "Hi cat." in math styling (seed 42, doc-1: 𝐇𝐢 bold, 𝑐𝑎𝑡 italic). Llama-2 has none of those letters: each
    // becomes its 4 UTF-8 bytes as <0xNN> tokens: "▁" + 8 bytes + "▁" + 12 bytes + "." = 23 tokens, 20 of them
    // byte fallback (0 before): delta 20/23. MiniLM maps each styled word to one [UNK] on the word's span:
    // 3 tokens, 2 unknown (delta 2/3), both words changed although the cuts are the same.
    PerturbationStats llama = measure(load("llama2"), "Hi cat.", List.of("math_styling"))
        .byPerturbation().get("math_styling");
    assertEquals(3, llama.tokens());
    assertEquals(23, llama.perturbedTokens());
    assertEquals(20.0 / 23, llama.byteFallbackRateDelta(), 1e-12);
    assertEquals(0.0, llama.unkRateDelta(), 0);
    assertEquals(2, llama.changedWords());
    PerturbationStats minilm = measure(load("minilm"), "Hi cat.", List.of("math_styling"))
        .byPerturbation().get("math_styling");
    assertEquals(3, minilm.perturbedTokens());
    assertEquals(2.0 / 3, minilm.unkRateDelta(), 1e-12);
    assertEquals(2, minilm.changedWords());
    // MiniLM's normalizer drops zero-width characters: the same tokens, no word changed
    PerturbationStats zw = measure(load("minilm"), "Hi cat.", List.of("zero_width"))
        .byPerturbation().get("zero_width");
    assertEquals(1.0, zw.tokenInflation(), 0);
    assertEquals(0, zw.changedWords());
  }

  @Test
  void mergeSumsPerPerturbationAndMapsToARow() {
    Tokenizer t = load("gpt35turbo");
    RobustnessStats a = measure(t, "The cat sat on the mat.", List.of("homoglyphs", "whitespace"));
    RobustnessStats b = measure(t, "The cat sat on the mat.", List.of("homoglyphs"));
    a.merge(b);
    PerturbationStats h = a.byPerturbation().get("homoglyphs");
    assertEquals(2, h.docs());
    assertEquals(44, h.perturbedTokens());
    assertEquals(22.0 / 7, h.tokenInflation(), 1e-12);
    assertEquals(List.of("homoglyphs", "whitespace"), List.copyOf(a.byPerturbation().keySet()));
    RobustnessRow row = RobustnessRow.of("gpt35turbo", "c", "eng_Latn", "homoglyphs", h);
    assertEquals(12, row.changedWords());
    assertEquals(0.002, row.encodeSeconds(), 0);
    assertNull(new PerturbationStats().tokenInflation());
    assertNull(new PerturbationStats().unkRateDelta());
  }
}
