package org.tokenometry.udfs.perturb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.text.TextSegmenter;

/**
 * Every perturbation on the first 100 dev lines of every FLORES-200 language (204 scripts and orthographies):
 * the map back covers the original without holes and never runs backwards, and each output agrees with an
 * independent statement of the perturbation (whole-text upper-casing and NFD; inserted units removed give the
 * original; title case equals ICU's word titlecasing without lower-casing or break adjustment; substitutions come
 * from the allowed sets).
 */
@Tag("reference")
class PerturbationsFloresTest {
  private static final int LINES = 100;

  @Test
  void everyPerturbationOnEveryLanguage() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(ReferenceData.file("flores200/dev"))) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".dev")).sorted().toList();
    }
    assertTrue(files.size() >= 200, "FLORES dev files: " + files.size());
    Normalizer2 nfd = Normalizer2.getNFDInstance();
    long changed = 0;
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < Math.min(LINES, lines.size()); i++) {
        String text = lines.get(i);
        String where = f.getFileName() + ":" + (i + 1);
        int[] words = TextSegmenter.wordSpans(text);
        for (String name : Perturbations.NAMES) {
          PerturbedText p = Perturbations.byName(name, 0.3).apply(text, words, SplitMix64.of(42, name, where));
          checkMap(where + " " + name, text, p);
          checkAgainstDefinition(where + " " + name, text, p, nfd);
          changed += p.changed() ? 1 : 0;
        }
      }
    }
    assertTrue(changed > 100_000, "perturbed lines: " + changed);
  }

  /** Non-decreasing intervals whose non-empty ones tile the original from 0 to its end. */
  private static void checkMap(String where, String original, PerturbedText p) {
    assertEquals(p.text().length(), p.sourceStart().length, where);
    int covered = 0;
    int lastStart = 0;
    for (int u = 0; u < p.text().length(); u++) {
      int s = p.sourceStart()[u];
      int e = p.sourceEnd()[u];
      if (s < lastStart || e < s || e > original.length()) {
        fail(where + ": unit " + u + " maps to [" + s + ", " + e + ") after a start of " + lastStart);
      }
      if (e > s) {
        if (s > covered) {
          fail(where + ": original [" + covered + ", " + s + ") is the source of nothing");
        }
        covered = Math.max(covered, e);
      }
      lastStart = s;
    }
    assertEquals(original.length(), covered, where + ": the map does not reach the end");
  }

  private static void checkAgainstDefinition(String where, String original, PerturbedText p, Normalizer2 nfd) {
    String out = p.text();
    switch (p.perturbation()) {
      case UpperCase.NAME -> assertEquals(UCharacter.toUpperCase(ULocale.ROOT, original), out, where);
      case NfdDecomposition.NAME -> assertEquals(nfd.normalize(original), out, where);
      case ZeroWidthInsertion.NAME, WhitespaceNoise.NAME -> {
        StringBuilder kept = new StringBuilder();
        for (int u = 0; u < out.length(); u++) {
          if (p.sourceEnd()[u] > p.sourceStart()[u]) {
            kept.append(out.charAt(u));
          } else {
            char c = out.charAt(u);
            assertTrue(p.perturbation().equals(WhitespaceNoise.NAME) ? c == ' ' : c >= 0x200B && c <= 0x200D,
                where + ": inserted U+" + Integer.toHexString(c));
          }
        }
        assertEquals(original, kept.toString(), where);
      }
      case Homoglyphs.NAME, KeyboardTypos.NAME, MathStyling.NAME -> checkSubstitutions(where, original, p);
      case TitleCase.NAME -> assertEquals(UCharacter.toTitleCase(ULocale.ROOT, original,
          BreakIterator.getWordInstance(ULocale.ROOT),
          UCharacter.TITLECASE_NO_LOWERCASE | UCharacter.TITLECASE_NO_BREAK_ADJUSTMENT), out, where);
      default -> fail("no check for " + p.perturbation());
    }
  }

  /** Each original code point is kept or replaced by an allowed substitute. */
  private static void checkSubstitutions(String where, String original, PerturbedText p) {
    String out = p.text();
    int u = 0;
    for (int i = 0; i < original.length(); ) {
      int cp = original.codePointAt(i);
      int next = i + Character.charCount(cp);
      int got = out.codePointAt(u);
      assertEquals(i, p.sourceStart()[u], where);
      if (got != cp && !allowed(p.perturbation(), cp, got)) {
        fail(where + ": U+" + Integer.toHexString(cp) + " became U+" + Integer.toHexString(got));
      }
      u += Character.charCount(got);
      i = next;
    }
    assertEquals(out.length(), u, where);
  }

  private static boolean allowed(String perturbation, int from, int to) {
    return switch (perturbation) {
      case Homoglyphs.NAME -> Arrays.stream(ConfusableLetters.of(from)).anyMatch(c -> c == to);
      case KeyboardTypos.NAME -> from < 128 && to < 128
          && new String(QwertyNeighbours.of(Character.toLowerCase((char) from)))
              .indexOf(Character.toLowerCase(to)) >= 0;
      case MathStyling.NAME -> from < 128
          && (to == MathStyling.bold((char) from) || to == MathStyling.italic((char) from));
      default -> false;
    };
  }
}
