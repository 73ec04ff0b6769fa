package org.tokenometry.udfs.chunking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/** Hand-computed chunk boundaries; the length function is "number of characters" so sizes are easy to follow. */
class ChunkersTest {
  private static List<String> texts(String text, List<Span> spans) {
    return spans.stream().map(s -> s.of(text)).toList();
  }

  @Test
  void recursiveKeepsSeparatorsAtPieceStartsAndStrips() {
    String text = "aaaa bbbb. cccc dddd.\n\neeee";
    // "\n\n" splits into "aaaa bbbb. cccc dddd." (21 chars >= 12) and "\n\neeee" (6);
    // the long one is split on "." into "aaaa bbbb", ". cccc dddd", "." -> merged up to 12 chars
    RecursiveChunker r = new RecursiveChunker(String::length, 12, 0);
    List<Span> spans = r.chunk(text);
    assertEquals(List.of("aaaa bbbb", ". cccc dddd.", "eeee"), texts(text, spans));
    assertEquals(new Span(0, 9), spans.get(0));
    assertEquals(new Span(23, 27), spans.get(2)); // stripped: offsets past the "\n\n"
  }

  @Test
  void recursiveOverlapCarriesTrailingPieces() {
    String text = "a b c d e f";
    // splits on " ": "a", " b", " c", " d", " e", " f" (lengths 1,2,2,2,2,2); size 5, overlap 2.
    // "a"+" b"+" c" = 5 fits (only > size closes a chunk); " d" closes it and pops pieces while the carried
    // total exceeds 2: drop "a" (4), " b" (2) -> " c" carries over, and so on
    RecursiveChunker r = new RecursiveChunker(String::length, 5, 2);
    assertEquals(List.of("a b c", "c d", "d e", "e f"), texts(text, r.chunk(text)));
  }

  @Test
  void recursiveRepeatedTextKeepsTrueOffsets() {
    String text = "same.\n\nsame.";
    List<Span> spans = new RecursiveChunker(String::length, 6, 0).chunk(text);
    assertEquals(List.of(new Span(0, 5), new Span(7, 12)), spans);
    // Chroma's placement finds the first copy for both (and drops the trailing '.')
    assertEquals(List.of(new Span(0, 4), new Span(0, 4)), ChromaLocator.relocate(text, spans));
  }

  /** A fake-free tokenizer stand-in is not allowed, so the fixed chunker runs on a hand-built Encoding. */
  @Test
  void fixedWindowUsesTokenSpansAndNeverCutsASplitCharacter() {
    // tokens: "ab" [0,2), "c" [2,3), two byte tokens of one character [3,4) [3,4), "d" [4,5)
    Encoding enc = new Encoding(new int[] {1, 2, 3, 4, 5}, new int[] {0, 2, 3, 3, 4}, new int[] {2, 3, 4, 4, 5},
        new byte[5]);
    FixedTokenChunker f = new FixedTokenChunker(new EncodingOnly(enc), 3, 0);
    // windows: tokens 0-2 -> [0,4) (includes the whole split character), tokens 3-4 -> [3,5)
    assertEquals(List.of(new Span(0, 4), new Span(3, 5)), f.chunk(enc));
    FixedTokenChunker overlapping = new FixedTokenChunker(new EncodingOnly(enc), 2, 1);
    assertEquals(List.of(new Span(0, 3), new Span(2, 4), new Span(3, 4), new Span(3, 5)), overlapping.chunk(enc));
  }

  @Test
  void sentenceChunkerGroupsIcuSentences() {
    String text = "One here. Two there! Three? Four.";
    assertEquals(List.of("One here. Two there!", "Three? Four."),
        texts(text, new SentenceChunker(2, 0).chunk(text)));
    assertEquals(List.of("One here. Two there!", "Two there! Three?", "Three? Four."),
        texts(text, new SentenceChunker(2, 1).chunk(text)));
  }

  @Test
  void pythonStripIncludesNoBreakSpace() {
    String text = "\u00a0 x \u202f";
    assertEquals(new Span(2, 3), PythonWhitespace.strip(text, 0, text.length()));
  }

  /** Holds one precomputed encoding; used only to construct the chunker, whose chunk(Encoding) is under test. */
  private record EncodingOnly(Encoding enc) implements Tokenizer {
    public String name() {
      return "precomputed";
    }

    public int vocabSize() {
      return 6;
    }

    public Encoding encode(String text) {
      return enc;
    }

    public String tokenString(int id) {
      return null;
    }

    public int unkId() {
      return -1;
    }

    public String decode(int[] ids) {
      return null;
    }
  }
}
