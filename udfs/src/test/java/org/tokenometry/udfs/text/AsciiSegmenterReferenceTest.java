package org.tokenometry.udfs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;

/**
 * The ASCII fast paths give ICU's word spans and sentence boundaries on real text: every ASCII line of every
 * FLORES-200 file (dev and devtest, all languages), and the domain and chunking-eval corpora cut three ways
 * (lines, blank-line paragraphs, and the longest ASCII stretches of each whole file, which keep line breaks
 * and document-scale context).
 */
@Tag("reference")
class AsciiSegmenterReferenceTest {
  private static final int SHOWN = 10;

  @Test
  void everyAsciiFloresLineSegmentsAsIcu() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String split : List.of("dev", "devtest")) {
      try (Stream<Path> s = Files.list(ReferenceData.file("flores200/" + split))) {
        s.filter(p -> p.getFileName().toString().endsWith("." + split)).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() >= 400, "FLORES files: " + files.size());
    Check check = new Check();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        check.text(f.getFileName() + ":" + (i + 1), lines.get(i));
      }
    }
    check.report("FLORES-200 dev+devtest lines");
    // English alone has ~95 % ASCII lines; all Latin-script languages together give many thousands
    assertTrue(check.checked > 20_000, "ASCII FLORES lines checked: " + check.checked);
  }

  @Test
  void domainCorporaSegmentAsIcu() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("domain/finance", "domain/pubmed", "domain/cyber", "chunking-eval/corpora")) {
      try (Stream<Path> s = Files.list(ReferenceData.file(dir))) {
        s.sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() >= 18, "domain files: " + files.size());
    Check lines = new Check();
    Check paragraphs = new Check();
    Check stretches = new Check();
    for (Path f : files) {
      String text = read(f);
      String name = f.getParent().getFileName() + "/" + f.getFileName();
      String[] ls = text.split("\n", -1);
      for (int i = 0; i < ls.length; i++) {
        lines.text(name + ":" + (i + 1), ls[i]);
      }
      String[] ps = text.split("\n[ \t]*\n", -1);
      for (int i = 0; i < ps.length; i++) {
        paragraphs.text(name + " paragraph " + (i + 1), ps[i]);
      }
      int start = 0;
      for (int i = 0; i <= text.length(); i++) {
        if (i == text.length() || text.charAt(i) >= 0x80) {
          stretches.text(name + " chars " + start + ".." + i, text.substring(start, i));
          start = i + 1;
        }
      }
    }
    lines.report("domain lines");
    paragraphs.report("domain paragraphs");
    stretches.report("domain ASCII stretches");
    assertTrue(lines.checked > 100_000, "domain lines checked: " + lines.checked);
    assertTrue(stretches.chars > 5_000_000, "domain ASCII chars checked: " + stretches.chars);
  }

  /** Dirty input (broadcom.txt) must not stop the check: undecodable bytes become U+FFFD, which is not ASCII. */
  private static String read(Path f) throws IOException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(Files.readAllBytes(f)))
        .toString();
  }

  private static final class Check {
    long checked;
    long chars;
    long words;
    long sentences;
    long skipped;
    final List<String> mismatches = new ArrayList<>();

    void text(String where, String s) {
      if (!TextSegmenter.isAscii(s)) {
        skipped++;
        return;
      }
      checked++;
      chars += s.length();
      int[] icuWords = TextSegmenter.icuWordSpans(s);
      int[] icuSentences = TextSegmenter.icuSentenceSpans(s);
      words += icuWords.length / 2;
      sentences += icuSentences.length / 2;
      String what = null;
      if (!java.util.Arrays.equals(icuWords, AsciiWordSegmenter.wordSpans(s))) {
        what = "word spans";
      } else if (!java.util.Arrays.equals(icuSentences, AsciiSentenceSegmenter.sentenceSpans(s))) {
        what = "sentence spans";
      } else if (TextSegmenter.icuCountSentences(s) != AsciiSentenceSegmenter.countSentences(s)) {
        what = "sentence count";
      }
      if (what != null) {
        mismatches.add(where + ": " + what + " differ for "
            + AsciiSegmenterDifferentialTest.escape(s.length() > 200 ? s.substring(0, 200) + "..." : s));
      }
    }

    void report(String name) {
      System.out.printf("%s: %d ASCII texts checked (%d chars, %d ICU words, %d ICU sentences), %d non-ASCII skipped,"
          + " %d mismatches%n", name, checked, chars, words, sentences, skipped, mismatches.size());
      mismatches.stream().limit(SHOWN).forEach(m -> System.out.println("  " + m));
      assertEquals(0, mismatches.size(), name + ": mismatches, first: "
          + mismatches.subList(0, Math.min(SHOWN, mismatches.size())));
    }
  }
}
