package org.tokenometry.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.testing.ReferenceData;

/**
 * scripts/lib/expand-hunspell with the distribution's unmunch (installed, or the one scripts/fetch-lexicons
 * extracted into the lexicon cache) on small dictionaries built to cross every limit the batching works around:
 * more suffix classes than fit one batch, a line longer than unmunch reads, a prefix crossed with a suffix of the
 * second batch, strip and conditions, AF aliases and UTF-8 flags. Expected forms are written out by hand.
 */
@Tag("reference")
class HunspellExpansionTest {
  static final Path ROOT = ReferenceData.projectRoot();

  @TempDir
  Path dir;

  static Path unmunch() throws IOException {
    for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!p.isEmpty() && Files.isExecutable(Path.of(p, "unmunch"))) {
        return Path.of(p, "unmunch");
      }
    }
    Path tools = LexiconRegistry.load(ROOT.resolve("conf/lexicons.yaml")).cacheDir().resolve(".tools");
    if (Files.isDirectory(tools)) {
      try (Stream<Path> s = Files.list(tools)) {
        for (Path d : s.toList()) {
          if (Files.isExecutable(d.resolve("root/usr/bin/unmunch"))) {
            return d.resolve("root/usr/bin/unmunch");
          }
        }
      }
    }
    return fail("unmunch is neither installed nor under " + tools + "; run scripts/fetch-lexicons --only turkish");
  }

  Set<String> expand(String aff, String dic) throws Exception {
    Files.writeString(dir.resolve("d.aff"), aff);
    Files.writeString(dir.resolve("d.dic"), dic);
    Process p = new ProcessBuilder(ROOT.resolve("scripts/lib/expand-hunspell").toString(),
        dir.resolve("d.aff").toString(), dir.resolve("d.dic").toString(), unmunch().toString(),
        dir.resolve("forms").toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), log);
    return new HashSet<>(Files.readAllLines(dir.resolve("forms")));
  }

  @Test
  void numericFlagsBeyondOneBatchLongLinesAndCrossProducts() throws Exception {
    // 300 suffix classes (2..301; a batch holds 220 beside the one prefix class) and a 1,200-byte line
    StringBuilder aff = new StringBuilder("SET UTF-8\nFLAG num\nPFX 1 Y 1\nPFX 1 0 ön .\n");
    StringBuilder gelFlags = new StringBuilder("1");
    for (int n = 2; n <= 300; n++) {
      aff.append("SFX ").append(n).append(" N 1\nSFX ").append(n).append(" 0 x").append(n).append(" .\n");
      gelFlags.append(',').append(n);
    }
    // class 301 lands in the second batch: strip y before ıyor; lar only after a letter that is not y
    aff.append("SFX 301 Y 2\nSFX 301 y ıyor y\nSFX 301 0 lar [^y]\n");
    Set<String> forms = expand(aff.toString(), "3\ngel/" + gelFlags + ",301\nsay/301\nbak\n");
    Set<String> expected = new HashSet<>(List.of("gel", "öngel", "gellar", "öngellar", "say", "saıyor", "bak"));
    for (int n = 2; n <= 300; n++) {
      expected.add("gelx" + n); // N: no cross product with the prefix
    }
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(forms);
    Set<String> extra = new HashSet<>(forms);
    extra.removeAll(expected);
    assertEquals(List.of(Set.of(), Set.of()), List.of(missing, extra), "missing forms, then extra forms");
  }

  @Test
  void aliasesAndUtf8Flags() throws Exception {
    String aff = "SET UTF-8\nFLAG UTF-8\nAF 2\nAF ğş\nAF ş\nSFX ğ N 1\nSFX ğ 0 ler .\nSFX ş N 1\nSFX ş 0 de .\n";
    assertEquals(Set.of("ev", "evler", "evde", "okul", "okulde", "kedi"), expand(aff, "3\nev/1\nokul/2\nkedi\n"));
  }

  @Test
  void twofoldSuffixesAreRefusedNotHalfExpanded() throws Exception {
    Files.writeString(dir.resolve("d.aff"), "SET UTF-8\nSFX A N 1\nSFX A 0 ler/B .\nSFX B N 1\nSFX B 0 de .\n");
    Files.writeString(dir.resolve("d.dic"), "1\nev/A\n");
    Process p = new ProcessBuilder(ROOT.resolve("scripts/lib/expand-hunspell").toString(),
        dir.resolve("d.aff").toString(), dir.resolve("d.dic").toString(), unmunch().toString(),
        dir.resolve("forms").toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.waitFor(), log);
    assertTrue(log.contains("d.aff:3: continuation classes (twofold affixes) are not supported by unmunch"), log);
  }
}
