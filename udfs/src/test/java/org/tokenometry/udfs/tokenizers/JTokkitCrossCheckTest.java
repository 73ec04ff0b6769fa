package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tokenometry.testing.ReferenceData;

/**
 * Our registry + DJL engine against an independent implementation of OpenAI's encodings (JTokkit, a Java
 * port of tiktoken): same token count on every line of every FLORES-200 language, both splits. JTokkit's
 * "ordinary" methods, like our engine, treat special-token text as plain text.
 */
@Tag("reference")
class JTokkitCrossCheckTest {
  @ParameterizedTest
  @CsvSource({"gpt35turbo, CL100K_BASE", "gpt4o, O200K_BASE"})
  void tokenCountsEqualJTokkitOnAllOfFlores200(String name, EncodingType type) throws Exception {
    Tokenizer ours = TokenizerRegistry.empty().tokenizer(name);
    Encoding theirs = Encodings.newDefaultEncodingRegistry().getEncoding(type);
    List<String> mismatches = new ArrayList<>();
    long lines = 0;
    long tokens = 0;
    for (String split : List.of("dev", "devtest")) {
      List<Path> files;
      try (Stream<Path> s = Files.list(ReferenceData.file("flores200/" + split))) {
        files = s.filter(p -> p.toString().endsWith("." + split)).sorted().toList();
      }
      assertEquals(204, files.size(), "FLORES-200 has 204 languages in " + split);
      for (Path f : files) {
        List<String> text = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < text.size(); i++) {
          int a = ours.count(text.get(i));
          int b = theirs.countTokensOrdinary(text.get(i));
          lines++;
          tokens += a;
          if (a != b && mismatches.size() < 20) {
            mismatches.add(f.getFileName() + ":" + (i + 1) + " ours " + a + " jtokkit " + b);
          }
        }
      }
    }
    System.out.printf("%s: %d FLORES-200 lines, %d tokens, all equal to JTokkit %s%n", name, lines, tokens, type);
    assertEquals(List.of(), mismatches);
    assertTrue(lines == 204L * (997 + 1012), "lines read: " + lines);
  }
}
