package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tokenometry.testing.ReferenceData;

/**
 * Our registry + engines against an independent implementation of OpenAI's encodings (JTokkit, a Java port of
 * tiktoken), on every line of every FLORES-200 language, both splits. JTokkit's "ordinary" methods, like our
 * engines, treat special-token text as plain text.
 */
@Tag("reference")
class JTokkitCrossCheckTest {
  /** One FLORES line's comparison: null when equal, else what differs. */
  @FunctionalInterface
  private interface LineCheck {
    String diff(String line);
  }

  @ParameterizedTest
  @CsvSource({"gpt35turbo, CL100K_BASE", "gpt4o, O200K_BASE"})
  void tokenCountsEqualJTokkitOnAllOfFlores200(String name, EncodingType type) throws IOException {
    Tokenizer ours = TokenizerRegistry.empty().tokenizer(name);
    Encoding theirs = Encodings.newDefaultEncodingRegistry().getEncoding(type);
    checkEveryFloresLine(name + " vs JTokkit " + type, line -> {
      int a = ours.count(line);
      int b = theirs.countTokensOrdinary(line);
      return a == b ? null : "ours " + a + " jtokkit " + b;
    });
  }

  /** GPT-2's ids are r50k_base's ranks, so the converted file must give JTokkit's very ids, not only its counts. */
  @Test
  void gpt2IdsEqualJTokkitR50kOnAllOfFlores200() throws IOException {
    Tokenizer ours = TokenizerRegistry.empty().tokenizer("gpt2");
    Encoding theirs = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
    checkEveryFloresLine("gpt2 vs JTokkit R50K_BASE", line -> {
      int[] a = ours.encode(line).ids();
      int[] b = theirs.encodeOrdinary(line).toArray();
      return Arrays.equals(a, b) ? null : "ours " + Arrays.toString(a) + " jtokkit " + Arrays.toString(b);
    });
  }

  private static void checkEveryFloresLine(String what, LineCheck check) throws IOException {
    List<String> mismatches = new ArrayList<>();
    long lines = 0;
    for (String split : List.of("dev", "devtest")) {
      List<Path> files;
      try (Stream<Path> s = Files.list(ReferenceData.file("flores200/" + split))) {
        files = s.filter(p -> p.toString().endsWith("." + split)).sorted().toList();
      }
      assertEquals(204, files.size(), "FLORES-200 has 204 languages in " + split);
      for (Path f : files) {
        List<String> text = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < text.size(); i++) {
          String d = check.diff(text.get(i));
          lines++;
          if (d != null && mismatches.size() < 20) {
            mismatches.add(f.getFileName() + ":" + (i + 1) + " " + d);
          }
        }
      }
    }
    System.out.printf("%s: %d FLORES-200 lines, %d mismatches shown%n", what, lines, mismatches.size());
    assertEquals(List.of(), mismatches);
    assertTrue(lines == 204L * (997 + 1012), "lines read: " + lines);
  }
}
