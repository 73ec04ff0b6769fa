package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.CharsTokenizer;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;
import org.tokenometry.udfs.tokenizers.Utf8BytesTokenizer;
import org.tokenometry.udfs.tokenizers.WordsTokenizer;

/**
 * Long documents are encoded in pieces, cut only where no word and no token crosses: on the sample corpora (nine
 * scripts, joined into long texts) every tokenizer file on the Java engine and every baseline gives, piece by
 * piece, exactly the whole document's tokens, offsets, counts and ids. The reference data gets the same check in
 * {@code LongDocumentReferenceTest}.
 */
class LongDocumentTest {
  static final List<String> FILES = List.of("gpt4o", "gpt35turbo", "llama3", "qwen3", "deepseek_v3", "claude",
      "mistral7b", "llama2", "gemma3", "gemini", "minilm", "bge_small_zh");

  /** Every tokenizer file on the Java engine, then the baselines. */
  static List<Tokenizer> everyTokenizer() {
    List<Tokenizer> all = new ArrayList<>();
    for (String name : FILES) {
      all.add(TokenizerRegistry.open(name, TokenizerRegistry.ENGINE_JAVA, ReferenceData.tokenizer(name)));
    }
    all.add(new Utf8BytesTokenizer());
    all.add(new CharsTokenizer());
    all.add(new WordsTokenizer());
    return all;
  }

  @Test
  void everyTokenizerGivesTheWholeDocumentsResultPieceByPiece() throws Exception {
    List<Tokenizer> all = everyTokenizer();
    Path dev = ReferenceData.projectRoot().resolve("sample-data/parallel/dev");
    int pieces = 0;
    try (Stream<Path> files = Files.list(dev)) {
      for (Path f : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        // joined as ingest's joined mode does (a space), as a file (line feeds), as paragraphs (blank lines, runs
        // of spaces, CRLF: whitespace runs next to a cut), all with small pieces
        pieces += PiecewiseCheck.assertSameAsWhole(f.getFileName() + " joined", String.join(" ", lines), all, 40);
        pieces += PiecewiseCheck.assertSameAsWhole(f.getFileName() + " lines", String.join("\n", lines), all, 40);
        pieces += PiecewiseCheck.assertSameAsWhole(f.getFileName() + " paragraphs", String.join("\n\n", lines), all,
            40);
        pieces += PiecewiseCheck.assertSameAsWhole(f.getFileName() + " spaced", String.join("  \r\n \n", lines),
            all, 40);
      }
    }
    assertTrue(pieces > 80, pieces + " pieces");
  }

  @Test
  void cutsFallWhereEveryTokenizerAndTheSegmentationAgree() {
    // "aaaa bbbb cccc": cuts before a space after a letter, the first at or after 4 chars from the last
    String text = "aaaa bbbb cccc";
    assertArrayEquals(new int[] {0, 4, 9, 14}, LongDocument.cuts(text, List.of(new CharsTokenizer()), 4));
    assertArrayEquals(new int[] {0, 9, 14}, LongDocument.cuts(text, List.of(new CharsTokenizer()), 5));
    // a tokenizer that refuses every cut keeps the document whole
    Tokenizer whole = new Tokenizer() { // only ever encodes whole texts, as the reference engine
      @Override
      public String name() {
        return "whole";
      }

      @Override
      public int vocabSize() {
        return -1;
      }

      @Override
      public org.tokenometry.udfs.tokenizers.Encoding encode(String t) {
        return new CharsTokenizer().encode(t);
      }

      @Override
      public String tokenString(int id) {
        return null;
      }

      @Override
      public int unkId() {
        return -1;
      }

      @Override
      public String decode(int[] ids) {
        return null;
      }
    };
    assertArrayEquals(new int[] {0, 14}, LongDocument.cuts(text, List.of(new CharsTokenizer(), whole), 4));
    // no space or line feed next to a letter, no cut: "1 2 3" has spaces after digits only
    assertArrayEquals(new int[] {0, 5}, LongDocument.cuts("1 2 3", List.of(new CharsTokenizer()), 1));
    // after a line feed that a letter follows: "。\n我" cuts after the line feed, not before it
    assertArrayEquals(new int[] {0, 2, 3}, LongDocument.cuts("\u3002\n\u6211", List.of(new CharsTokenizer()), 1));
  }

  @Test
  void sentencesAreCountedOverTheWholeText() {
    // "One two. Three four." cut before " four.": the pieces alone would see a sentence end in each piece
    String text = "One two. Three four.";
    List<Tokenizer> chars = List.of(new CharsTokenizer());
    int[] cuts = LongDocument.cuts(text, chars, 12);
    assertArrayEquals(new int[] {0, 14, 20}, cuts);
    DocumentFacts facts = LongDocument.measure(text, cuts, chars, new TokenizedDocument[] {new TokenizedDocument()},
        new IdTally[] {new IdTally(-1)}, false);
    assertEquals(new DocumentFacts(20, 20, 4, 2, 17), facts);
  }
}
