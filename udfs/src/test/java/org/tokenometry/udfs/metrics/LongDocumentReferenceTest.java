package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * Long documents encoded piece by piece equal the whole document, for every tokenizer file on the Java engine and
 * every baseline: the domain corpora (each file one document, at the pass's piece size and at 4 Ki characters)
 * and every FLORES-200 language joined into one long document (dev with spaces, as ingest's joined mode; devtest
 * with line feeds, as a file), at 2 Ki characters a piece so each language is cut hundreds of times. Tokens,
 * offsets and flags laid end to end, and every count, id and segmentation fact ({@link PiecewiseCheck}).
 */
@Tag("reference")
class LongDocumentReferenceTest {
  @Test
  void domainCorporaPieceByPieceEqualWhole() throws IOException {
    List<Tokenizer> all = LongDocumentTest.everyTokenizer();
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("domain/finance", "domain/pubmed", "domain/cyber", "chunking-eval/corpora")) {
      try (Stream<Path> s = Files.list(ReferenceData.file(dir))) {
        s.sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() >= 18, "domain files: " + files.size());
    int longOnes = 0;
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      int pieces = PiecewiseCheck.assertSameAsWhole(f.getFileName().toString(), text, all, LongDocument.PIECE_CHARS);
      longOnes += pieces > 1 ? 1 : 0;
      assertTrue(PiecewiseCheck.assertSameAsWhole(f.getFileName() + " (4 Ki)", text, all, 4096) > text.length() / 8192,
          f + ": too few cuts");
    }
    assertTrue(longOnes >= 10, longOnes + " files longer than a piece");
  }

  @Test
  void everyFloresLanguageJoinedPieceByPieceEqualsWhole() throws IOException {
    List<Tokenizer> all = LongDocumentTest.everyTokenizer();
    int languages = 0;
    long pieces = 0;
    for (String split : List.of("dev", "devtest")) {
      String separator = split.equals("dev") ? " " : "\n";
      try (Stream<Path> s = Files.list(ReferenceData.file("flores200/" + split))) {
        for (Path f : s.filter(p -> p.getFileName().toString().endsWith("." + split)).sorted().toList()) {
          String text = String.join(separator, Files.readAllLines(f, StandardCharsets.UTF_8));
          pieces += PiecewiseCheck.assertSameAsWhole(f.getFileName().toString(), text, all, 2048);
          languages++;
        }
      }
    }
    assertEquals(408, languages);
    // ~130 KB a language: most are cut 50-100 times; scripts without spaces only at line feeds (devtest)
    assertTrue(pieces > 408 * 20, pieces + " pieces");
  }
}
