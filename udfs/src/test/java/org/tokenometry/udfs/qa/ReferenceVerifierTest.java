package org.tokenometry.udfs.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.text.CodePointOffsets;

class ReferenceVerifierTest {
  private static final String DOC = "Intro line.\nThe  Senate passed\nthe bill. Then it stalled.";

  @Test
  void exactContentAtItsOffsetsIsVerified() {
    int s = DOC.indexOf("Then");
    assertEquals(ReferenceStatus.VERIFIED, ReferenceVerifier.check(DOC, "Then it stalled.", s, s + 16));
  }

  @Test
  void chromaLeniencyTrailingPeriodWhitespaceAndCase() {
    int s = DOC.indexOf("The  Senate");
    int e = DOC.indexOf("bill.") + 4; // offsets without the period, as Chroma's search returns them
    assertEquals("The  Senate passed\nthe bill", DOC.substring(s, e));
    assertEquals(ReferenceStatus.VERIFIED,
        ReferenceVerifier.check(DOC, "the senate passed the bill.", s, e));
    assertEquals("thesenatepassedthebill", ChromaText.normalize("The  Senate passed\nthe bill."));
  }

  @Test
  void differentWordsAtTheOffsetsAreAMismatch() {
    int s = DOC.indexOf("Then");
    assertEquals(ReferenceStatus.OFFSET_MISMATCH, ReferenceVerifier.check(DOC, "Then it passed.", s, s + 15));
    // the right text two characters off is a mismatch ("d. Then it stalle")
    assertEquals(ReferenceStatus.OFFSET_MISMATCH, ReferenceVerifier.check(DOC, "Then it stalled.", s - 2, s + 14));
    // one character off onto a space and dropping the period is within Chroma's leniency (" Then it stalled")
    assertEquals(ReferenceStatus.VERIFIED, ReferenceVerifier.check(DOC, "Then it stalled.", s - 1, s + 15));
  }

  @Test
  void offsetsOutsideTheDocumentAreOutOfRangeEvenWhenTheTruncatedSliceMatches() {
    int len = DOC.length();
    // Python's DOC[len-8:len+50] == "stalled." would pass a naive comparison
    assertEquals(ReferenceStatus.OUT_OF_RANGE, ReferenceVerifier.check(DOC, "stalled.", len - 8, len + 50));
    assertEquals(ReferenceStatus.OUT_OF_RANGE, ReferenceVerifier.check(DOC, "", -1, 3));
  }

  @Test
  void emptyOrInvertedReferences() {
    assertEquals(ReferenceStatus.EMPTY_REFERENCE, ReferenceVerifier.check(DOC, "", 5, 5));
    assertEquals(ReferenceStatus.EMPTY_REFERENCE, ReferenceVerifier.check(DOC, "x", 9, 5));
  }

  @Test
  void offsetsAreCodePointsWhenAnEmojiPrecedesTheExcerpt() {
    String doc = "Launch day 🚀 went well. Revenue rose 12%.";
    // Python: doc.index("Revenue") == 24 (the rocket is one code point, two UTF-16 units)
    int cpStart = 24;
    int cpEnd = cpStart + "Revenue rose 12%.".length();
    assertEquals(doc.indexOf("Revenue"), cpStart + 1);
    assertEquals(ReferenceStatus.VERIFIED, ReferenceVerifier.check(doc, "Revenue rose 12%.", cpStart, cpEnd));
    assertEquals(ReferenceStatus.OFFSET_MISMATCH,
        ReferenceVerifier.check(doc, "Revenue rose 12%.", cpStart + 1, cpEnd));
    CodePointOffsets o = CodePointOffsets.of(doc);
    assertEquals(41, o.length());
    assertEquals(cpStart, o.toCodePoint(doc.indexOf("Revenue")));
    assertEquals("🚀", o.slice(11, 12));
  }

  @Test
  void questionVerdictIsTheFirstFailure() {
    assertEquals(ReferenceStatus.VERIFIED, QuestionVerdict.of(
        java.util.List.of(ReferenceStatus.VERIFIED, ReferenceStatus.VERIFIED)));
    assertEquals(ReferenceStatus.OUT_OF_RANGE, QuestionVerdict.of(java.util.List.of(ReferenceStatus.VERIFIED,
        ReferenceStatus.OUT_OF_RANGE, ReferenceStatus.OFFSET_MISMATCH)));
    var near = java.util.List.of(new ChromaQuestionFile.Excerpt("a", 100, 200),
        new ChromaQuestionFile.Excerpt("b", 3900, 4100));
    assertEquals(true, QuestionVerdict.fitsWindow(near, 4000));
    assertEquals(false, QuestionVerdict.fitsWindow(near, 3999));
  }

  @Test
  void corpusIdStems() {
    assertEquals("state_of_the_union", CorpusIds.stem("state_of_the_union"));
    assertEquals("amazon", CorpusIds.stem("chunking_evaluation/data/amazon.txt"));
    assertEquals("pubmed", CorpusIds.stem("file:///work/shared/data/chunking-eval/corpora/pubmed.md"));
    assertEquals("report", CorpusIds.stem("C:\\data\\report.txt.gz"));
  }
}
