package org.tokenometry.udfs.chunking;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * LangChain's RecursiveCharacterTextSplitter as Chroma's RecursiveTokenChunker runs it, tracking offsets: split
 * on the first separator that occurs, keep each separator at the start of the piece that follows it, split
 * pieces that are too long again with the remaining separators, and merge consecutive pieces greedily up to
 * {@code size} (measured by the length function, summed per piece) carrying up to {@code overlap} into the
 * next chunk. Chunks are whitespace-stripped (Python's definition) and empty ones dropped.
 */
public final class RecursiveChunker implements Chunker {
  public static final List<String> DEFAULT_SEPARATORS = List.of("\n\n", "\n", ".", "?", "!", " ", "");

  private final ToIntFunction<String> length;
  private final int size;
  private final int overlap;
  private final List<String> separators;

  public RecursiveChunker(ToIntFunction<String> length, int size, int overlap, List<String> separators) {
    if (size <= 0 || overlap < 0 || overlap > size) {
      throw new IllegalArgumentException("recursive chunker needs size > 0 and 0 <= overlap <= size, got size "
          + size + ", overlap " + overlap);
    }
    this.length = length;
    this.size = size;
    this.overlap = overlap;
    this.separators = List.copyOf(separators);
  }

  public RecursiveChunker(ToIntFunction<String> length, int size, int overlap) {
    this(length, size, overlap, DEFAULT_SEPARATORS);
  }

  @Override
  public List<Span> chunk(String text) {
    List<Span> out = new ArrayList<>();
    split(text, 0, text.length(), 0, out);
    return out;
  }

  private void split(String text, int from, int to, int sepFrom, List<Span> out) {
    // the first separator present in this range; "" (single characters) always applies
    String separator = separators.get(separators.size() - 1);
    int next = separators.size();
    for (int i = sepFrom; i < separators.size(); i++) {
      String s = separators.get(i);
      if (s.isEmpty()) {
        separator = s;
        break;
      }
      if (indexOf(text, s, from, to) >= 0) {
        separator = s;
        next = i + 1;
        break;
      }
    }
    boolean more = next < separators.size();
    int[] bounds = pieces(text, from, to, separator);
    List<int[]> good = new ArrayList<>(); // {start, end, length}
    for (int p = 0; p + 1 < bounds.length; p++) {
      int s = bounds[p];
      int e = bounds[p + 1];
      int len = length.applyAsInt(text.substring(s, e));
      if (len < size) {
        good.add(new int[] {s, e, len});
        continue;
      }
      if (!good.isEmpty()) {
        merge(text, good, out);
        good = new ArrayList<>();
      }
      if (more) {
        split(text, s, e, next, out);
      } else {
        out.add(new Span(s, e)); // too long and nothing left to split on: kept as is, unstripped
      }
    }
    if (!good.isEmpty()) {
      merge(text, good, out);
    }
  }

  /** Piece boundaries: every separator occurrence starts a piece; an empty leading piece is dropped. */
  private static int[] pieces(String text, int from, int to, String separator) {
    List<Integer> b = new ArrayList<>();
    b.add(from);
    if (separator.isEmpty()) {
      for (int i = from; i < to; ) {
        i += Character.charCount(text.codePointAt(i));
        b.add(i);
      }
    } else {
      for (int i = indexOf(text, separator, from, to); i >= 0;
          i = indexOf(text, separator, i + separator.length(), to)) {
        if (i > b.get(b.size() - 1)) {
          b.add(i);
        }
      }
      if (to > b.get(b.size() - 1)) {
        b.add(to);
      }
    }
    return b.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int indexOf(String text, String s, int from, int to) {
    int i = text.indexOf(s, from);
    return i >= 0 && i + s.length() <= to ? i : -1;
  }

  /** LangChain's _merge_splits with an empty separator (the separators are already inside the pieces). */
  private void merge(String text, List<int[]> pieces, List<Span> out) {
    int head = 0; // current doc = pieces[head .. tail)
    int tail = 0;
    int total = 0;
    for (int[] d : pieces) {
      int len = d[2];
      if (total + len > size && tail > head) {
        emit(text, pieces, head, tail, out);
        while (total > overlap || (total + len > size && total > 0)) {
          total -= pieces.get(head)[2];
          head++;
        }
      }
      tail++;
      total += len;
    }
    if (tail > head) {
      emit(text, pieces, head, tail, out);
    }
  }

  private static void emit(String text, List<int[]> pieces, int head, int tail, List<Span> out) {
    Span s = PythonWhitespace.strip(text, pieces.get(head)[0], pieces.get(tail - 1)[1]);
    if (s != null) {
      out.add(s);
    }
  }
}
