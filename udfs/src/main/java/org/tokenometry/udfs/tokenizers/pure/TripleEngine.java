package org.tokenometry.udfs.tokenizers.pure;

import java.util.function.Supplier;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.TokenizerJsonFile;

/**
 * The engines that emit (id, start, end) triples into a per-thread list (SentencePiece BPE, WordPiece): added
 * tokens are cut out first and emitted as they are, the text between them goes to {@link #segment}.
 */
abstract class TripleEngine<S extends TripleEngine.Scratch> extends JsonVocabularyEngine {
  private final ThreadLocal<S> scratch;
  private final AddedTokens.Visitor<S> pieces = new AddedTokens.Visitor<>() {
    @Override
    public void segment(String text, int from, int to, S s) {
      TripleEngine.this.segment(text, from, to, s);
    }

    @Override
    public void added(int id, int from, int to, S s) {
      s.emit(id, from, to);
    }
  };

  TripleEngine(String name, TokenizerJsonFile file, Supplier<S> newScratch) {
    super(name, file);
    scratch = ThreadLocal.withInitial(newScratch);
  }

  /** The file's added tokens (built by the subclass's constructor). */
  abstract AddedTokens addedTokens();

  /**
   * Encodes text[from, to), which holds no added token, emitting its tokens into {@code s}. When {@code from ==
   * s.continued}, the segment does not start there: it continues one the caller cut ({@link #encode(String, int,
   * int)}), so nothing is prepended.
   */
  abstract void segment(String text, int from, int to, S s);

  @Override
  public final Encoding encode(String text) {
    return encode(text, 0, text.length());
  }

  @Override
  public final Encoding encode(String text, int from, int to) {
    if (from == to) {
      return Encoding.empty();
    }
    S s = scratch.get();
    s.out.clear();
    s.continued = from > 0 ? from : -1;
    addedTokens().scan(text, from, to, pieces, s);
    Encoding e = encoding(s.out);
    if (s.out.a.length > 3 * JavaBpeTokenizer.MAX_KEPT) { // one long text must not leave each thread's buffer
      s.out.a = new int[768];
      s.trim();
    }
    return e;
  }

  /** The encoding of tokens collected as (id, start, end) triples, each with its id's flags. */
  private Encoding encoding(IntList triples) {
    int count = triples.size / 3;
    int[] ids = new int[count];
    int[] starts = new int[count];
    int[] ends = new int[count];
    byte[] flags = new byte[count];
    for (int i = 0; i < count; i++) {
      ids[i] = triples.a[3 * i];
      starts[i] = triples.a[3 * i + 1];
      ends[i] = triples.a[3 * i + 2];
      flags[i] = idFlags[ids[i]];
    }
    return new Encoding(ids, starts, ends, flags);
  }

  /** Per-thread state: at least the emitted triples. */
  static class Scratch {
    final IntList out = new IntList(768);
    /** Where the text being encoded continues a segment cut by the caller, or -1. */
    int continued = -1;

    /** Drops other buffers a long text grew. */
    void trim() {}

    void emit(int id, int start, int end) {
      out.add(id, start);
      out.add(end);
    }
  }
}
