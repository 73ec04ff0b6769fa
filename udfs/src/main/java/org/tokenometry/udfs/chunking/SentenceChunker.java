package org.tokenometry.udfs.chunking;

import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.text.TextSegmenter;

/**
 * Groups of {@code size} ICU sentences, each group starting {@code size - overlap} sentences after the last;
 * chunks are whitespace-stripped. Blank "sentences" (runs of whitespace ICU reports on their own) are skipped.
 */
public final class SentenceChunker implements Chunker {
  private final int size;
  private final int overlap;

  public SentenceChunker(int size, int overlap) {
    if (size <= 0 || overlap < 0 || overlap >= size) {
      throw new IllegalArgumentException("sentence chunker needs size > overlap >= 0, got size " + size
          + ", overlap " + overlap);
    }
    this.size = size;
    this.overlap = overlap;
  }

  @Override
  public List<Span> chunk(String text) {
    int[] raw = TextSegmenter.sentenceSpans(text);
    List<Span> sentences = new ArrayList<>();
    for (int i = 0; i < raw.length; i += 2) {
      Span s = PythonWhitespace.strip(text, raw[i], raw[i + 1]);
      if (s != null) {
        sentences.add(s);
      }
    }
    List<Span> out = new ArrayList<>();
    int n = sentences.size();
    for (int first = 0; first < n; first += size - overlap) {
      int last = Math.min(first + size, n) - 1;
      out.add(new Span(sentences.get(first).start(), sentences.get(last).end()));
      if (last == n - 1) {
        break;
      }
    }
    return out;
  }
}
