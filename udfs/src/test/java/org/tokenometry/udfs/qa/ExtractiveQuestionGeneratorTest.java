package org.tokenometry.udfs.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.text.CodePointOffsets;

class ExtractiveQuestionGeneratorTest {
  private static final String DOC = String.join(" ",
      "The Federal Reserve raised interest rates by a quarter point in March.",
      "Inflation in the euro area slowed to 2.4 percent according to Eurostat.",
      "Apple reported record iPhone revenue during the holiday quarter.",
      "Tesla delivered fewer vehicles than analysts had expected this year.",
      "Microsoft expanded its Azure data centers across northern Europe.",
      "Oil prices fell after OPEC announced higher production quotas.",
      "The Bank of Japan kept its negative rate policy unchanged again.",
      "Retail sales in the United States grew faster than forecast.",
      "Chip makers warned that memory prices would remain volatile.",
      "Housing starts declined for the third consecutive month.") + "\n"
      + "🚀 Launch costs for reusable rockets dropped sharply over the decade.";

  private final ExtractiveQuestionGenerator gen = new ExtractiveQuestionGenerator(
      new ExtractiveQuestionGenerator.Settings(4, 400, 5, 30, 400));

  @Test
  void sameSeedSameQuestionsOtherSeedOtherQuestions() {
    List<GeneratedQuestion> a = gen.generate("doc-1", DOC, 42);
    List<GeneratedQuestion> b = gen.generate("doc-1", DOC, 42);
    assertEquals(a, b);
    assertEquals(4, a.size());
    assertNotEquals(a, gen.generate("doc-1", DOC, 43));
  }

  @Test
  void referencesAreExactSentencesAtCodePointOffsets() {
    CodePointOffsets cps = CodePointOffsets.of(DOC);
    for (long seed = 0; seed < 20; seed++) {
      for (GeneratedQuestion q : gen.generate("doc-1", DOC, seed)) {
        assertTrue(q.references().size() >= 1 && q.references().size() <= 5, q.toString());
        assertTrue(q.question().endsWith("?"));
        int prevEnd = -1;
        for (Reference r : q.references()) {
          assertEquals("doc-1", r.docId());
          assertEquals(r.content(), cps.slice(r.start(), r.end()));
          assertEquals(ReferenceStatus.VERIFIED, ReferenceVerifier.check(DOC, r.content(), r.start(), r.end()));
          assertTrue(r.start() > prevEnd, "references are ordered and disjoint");
          prevEnd = r.end();
        }
      }
    }
  }

  @Test
  void theEmojiSentenceGetsCodePointOffsets() {
    String s = "🚀 Launch costs for reusable rockets dropped sharply over the decade.";
    // one sentence only: the generator must pick it; its code-point start is one less than its UTF-16 start
    List<GeneratedQuestion> q = gen.generate("d", "Intro 🛰 text here.\n" + s, 1);
    Reference r = q.stream().flatMap(x -> x.references().stream()).filter(x -> x.content().equals(s))
        .findFirst().orElseThrow();
    assertEquals(19, r.start()); // "Intro 🛰 text here.\n" is 19 code points (20 UTF-16 units)
    assertEquals(19 + s.codePointCount(0, s.length()), r.end());
  }

  @Test
  void keyPhrasesPreferNamesAndSkipFunctionWords() {
    List<String> p = KeyPhrases.rank("The Federal Reserve raised interest rates by a quarter point in March.", 3);
    assertEquals("Federal Reserve", p.get(0));
    assertTrue(p.contains("raised interest rates"), p.toString());
  }
}
