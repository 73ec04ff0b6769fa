package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.perturb.PerturbedText;
import org.tokenometry.udfs.perturb.Perturbations;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * The one-pass sweeps of {@link ChangedWords} and {@link NumberStats} against brute-force statements of their
 * definitions (every word against every token, every digit against every token), on the first 20 dev lines of
 * every FLORES-200 language under every perturbation, through a byte-level BPE (o200k, whose split characters
 * give several tokens one span) and a SentencePiece model with byte fallback (Llama-2).
 */
@Tag("reference")
class TokenizerHealthFloresTest {
  private static final int LINES = 20;
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private static List<String> floresLines() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(ReferenceData.file("flores200/dev"))) {
      for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".dev")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        out.addAll(lines.subList(0, Math.min(LINES, lines.size())));
      }
    }
    assertTrue(out.size() >= 4000, "lines: " + out.size());
    return out;
  }

  @Test
  void changedWordsEqualsTheBruteForceDefinition() throws IOException {
    List<String> lines = floresLines();
    RobustnessPlan plan = RobustnessPlan.of(Perturbations.NAMES, 0.3, 1, 42);
    for (String name : List.of("gpt4o", "llama2")) {
      Tokenizer t = TokenizerRegistry.open(name, "hf", ReferenceData.tokenizer(name));
      long changed = 0;
      long words = 0;
      for (int i = 0; i < lines.size(); i++) {
        DocumentText doc = DocumentText.of(lines.get(i));
        Encoding enc = t.encode(doc.text());
        for (PerturbedText p : plan.perturb("line-" + i, doc)) {
          Encoding pe = t.encode(p.text());
          long fast = ChangedWords.count(doc.wordSpans(), enc, pe, p);
          assertEquals(bruteForceChanged(doc.wordSpans(), enc, pe, p), fast,
              name + " line " + i + " " + p.perturbation());
          changed += fast;
          words += doc.words();
        }
      }
      assertTrue(changed > words / 10 && changed < words, name + ": " + changed + " of " + words);
    }
  }

  private static long bruteForceChanged(int[] words, Encoding original, Encoding perturbed, PerturbedText p) {
    long changed = 0;
    for (int w = 0; w < words.length; w += 2) {
      List<List<Integer>> a = pieces(words[w], words[w + 1], original, null);
      List<List<Integer>> b = pieces(words[w], words[w + 1], perturbed, p);
      changed += a.equals(b) ? 0 : 1;
    }
    return changed;
  }

  private static List<List<Integer>> pieces(int ws, int we, Encoding enc, PerturbedText p) {
    List<List<Integer>> out = new ArrayList<>();
    for (int t = 0; t < enc.size(); t++) {
      int s = enc.starts()[t];
      int e = enc.ends()[t];
      if (p != null) {
        int[] src = p.sourceOf(s, e);
        s = src[0];
        e = src[1];
      }
      if (e > s && s < we && e > ws) {
        out.add(List.of(Math.max(s, ws), Math.min(e, we), enc.is(t, Encoding.UNKNOWN) ? 1 : 0));
      }
    }
    return out;
  }

  @Test
  void numberStatsEqualsTheBruteForceDefinition() throws IOException {
    List<String> lines = floresLines();
    for (String name : List.of("gpt4o", "llama2", "claude")) {
      Tokenizer t = TokenizerRegistry.open(name, "hf", ReferenceData.tokenizer(name));
      NumberStats fast = new NumberStats();
      long[] slow = new long[8]; // pieces of 1, 2, 3, 4+ digits, TP, FP, FN, runs
      Map<String, Long> patterns = new HashMap<>();
      for (String line : lines) {
        Encoding enc = t.encode(line);
        fast.add(line, enc);
        bruteForceNumbers(line, enc, slow, patterns);
      }
      assertTrue(slow[7] > 1000, name + " runs: " + slow[7]);
      assertEquals(slow[7], fast.runs(), name);
      long pieces = slow[0] + slow[1] + slow[2] + slow[3];
      assertEquals(pieces, fast.pieces(), name);
      for (int k = 1; k <= 4; k++) {
        assertEquals((double) slow[k - 1] / pieces, fast.pieceShare(k), 1e-12, name + " share " + k);
      }
      assertEquals(2.0 * slow[4] / (2 * slow[4] + slow[5] + slow[6]), fast.boundaryF1(), 1e-12, name);
      assertEquals((double) slow[4] / (slow[4] + slow[5]), fast.boundaryPrecision(), 1e-12, name);
      assertEquals(conditionalEntropy(patterns), fast.splitEntropy(), 1e-9, name);
    }
  }

  private static void bruteForceNumbers(String text, Encoding enc, long[] acc, Map<String, Long> patterns) {
    Matcher m = DIGITS.matcher(text);
    while (m.find()) {
      int len = m.end() - m.start();
      int[] owner = new int[len];
      for (int k = 0; k < len; k++) {
        int c = m.start() + k;
        owner[k] = -2 - c; // covered by no token: a piece of its own
        for (int t = 0; t < enc.size(); t++) {
          if (enc.starts()[t] <= c && c < enc.ends()[t]) {
            owner[k] = t; // the last such token
          }
        }
      }
      StringBuilder pattern = new StringBuilder(len + ":");
      int piece = 1;
      for (int k = 1; k <= len; k++) {
        boolean cut = k == len || owner[k] != owner[k - 1];
        if (cut) {
          acc[Math.min(piece, 4) - 1]++;
          piece = 1;
        } else {
          piece++;
        }
        if (k < len) {
          boolean ideal = (len - k) % 3 == 0;
          if (cut && ideal) {
            acc[4]++;
          } else if (cut) {
            acc[5]++;
          } else if (ideal) {
            acc[6]++;
          }
          if (cut) {
            pattern.append(k).append(',');
          }
        }
      }
      acc[7]++;
      if (len <= 12) {
        patterns.merge(pattern.toString(), 1L, Long::sum);
      }
    }
  }

  private static double conditionalEntropy(Map<String, Long> patterns) {
    Map<String, Long> byLength = new HashMap<>();
    long total = 0;
    for (Map.Entry<String, Long> e : patterns.entrySet()) {
      byLength.merge(e.getKey().substring(0, e.getKey().indexOf(':')), e.getValue(), Long::sum);
      total += e.getValue();
    }
    double h = 0;
    for (Map.Entry<String, Long> e : patterns.entrySet()) {
      long nl = byLength.get(e.getKey().substring(0, e.getKey().indexOf(':')));
      h -= (double) e.getValue() / total * Math.log((double) e.getValue() / nl) / Math.log(2);
    }
    return h;
  }
}
